using System.Text.Json;
using ModelGates.Drift.Engine.Results;
using ModelGates.Output;

namespace ModelGates.Gates;

/// <summary>A drift gate's measurements for the JSON result and the HTML report: both sides, the dataset rule, and every column with its distribution.</summary>
public sealed class DriftGateDetails(DriftReport report, IReadOnlyDictionary<string, ColumnDistribution> distributions, string root) : IGateDetails
{
    /// <inheritdoc />
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        WriteSide(w, "reference", report.Reference);
        WriteSide(w, "current", report.Current);
        w.WriteBoolean("datasetDrift", report.DatasetDrift);
        w.WriteNumberOrNull("driftedShare", report.DriftedShare);
        w.WriteNumberOrNull("driftedShareThreshold", report.DatasetDriftShare);
        w.WriteStartArray("columns");
        foreach (var c in report.Columns)
        {
            w.WriteStartObject();
            w.WriteString("column", c.Column);
            w.WriteString("kind", Data.ColumnKindText.ToText(c.Kind));
            w.WriteStringOrNull("test", c.Test);
            w.WriteNumberOrNull("statistic", c.Statistic);
            w.WriteNumberOrNull("pValue", c.PValueAdjusted ?? c.PValue);
            w.WriteNumberOrNull("threshold", c.EffectThreshold ?? c.Threshold);
            w.WriteStringOrNull("effectMeasure", c.EffectMeasure);
            w.WriteNumberOrNull("effect", c.Effect);
            if (c.EffectInterval is { } interval)
            {
                w.WriteStartArray("effectInterval");
                w.WriteNumberOrNullValue(interval.Lower);
                w.WriteNumberOrNullValue(interval.Upper);
                w.WriteEndArray();
            }

            w.WriteNumberOrNull("missingShareReference", c.MissingShareReference);
            w.WriteNumberOrNull("missingShareCurrent", c.MissingShareCurrent);
            w.WriteString("status", c.Status.ToText());
            if (distributions.TryGetValue(c.Column, out var distribution))
            {
                w.WriteStartObject("distribution");
                w.WriteStartArray("labels");
                foreach (var label in distribution.Labels)
                {
                    w.WriteStringValue(label);
                }

                w.WriteEndArray();
                w.WriteNumberArray("reference", distribution.Reference);
                w.WriteNumberArray("current", distribution.Current);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteSide(Utf8JsonWriter w, string name, DriftSide side)
    {
        w.WriteStartObject(name);
        w.WriteString("path", Reports.GateReportJson.Relative(root, side.Path));
        w.WriteString("sha256", side.Hash);
        w.WriteNumber("rows", side.Rows);
        w.WriteString("kind", side.IsProfile ? "profile" : "dataset");
        w.WriteEndObject();
    }
}
