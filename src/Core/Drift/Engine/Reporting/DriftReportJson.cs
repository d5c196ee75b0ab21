using System.Text.Json;
using ModelGates.Data;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Output;

namespace ModelGates.Drift.Engine.Reporting;

/// <summary>
/// Writes a <see cref="DriftReport"/> as the fields of the <c>drift</c> JSON result (docs/drift.md#json-output):
/// columns in the reference's column order, each with the same fields in the same order, null where a
/// value does not apply.
/// </summary>
public static class DriftReportJson
{
    /// <summary>Writes the command fields (between <c>command</c> and <c>passed</c> of the result envelope).</summary>
    public static void WriteBody(Utf8JsonWriter w, DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        WriteSide(w, "reference", report.Reference);
        WriteSide(w, "current", report.Current);
        w.WriteString("correction", report.Correction.ToText());
        w.WriteString("decision", report.Decision.ToText());
        w.WriteBoolean("datasetDrift", report.DatasetDrift);
        w.WriteNumberOrNull("driftedShare", report.DriftedShare);
        w.WriteNumberOrNull("datasetDriftShare", report.DatasetDriftShare);
        w.WriteStartArray("columns");
        foreach (var column in report.Columns)
        {
            WriteColumn(w, column);
        }

        w.WriteEndArray();
        DatasetCheckJson.Write(w, report.DatasetChecks);
    }

    private static void WriteSide(Utf8JsonWriter w, string name, DriftSide side)
    {
        w.WriteStartObject(name);
        w.WriteString("path", side.Path.Replace('\\', '/'));
        w.WriteString("hash", side.Hash);
        w.WriteNumber("rows", side.Rows);
        w.WriteBoolean("profile", side.IsProfile);
        w.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter w, ColumnDriftResult c)
    {
        w.WriteStartObject();
        w.WriteString("column", c.Column);
        w.WriteString("kind", c.Kind.ToText());
        w.WriteString("status", c.Status.ToText());
        w.WriteBoolean("drifted", c.Drifted);
        w.WriteStringOrNull("test", c.Test);
        w.WriteBoolean("autoSelected", c.AutoSelected);
        w.WriteString("input", c.Input.ToText());
        w.WriteNumberOrNull("statistic", c.Statistic);
        w.WriteNumberOrNull("statisticErrorBound", c.StatisticErrorBound);
        w.WriteNumberOrNull("threshold", c.Threshold);
        w.WriteStringOrNull("pValueTest", c.PValueTest);
        w.WriteNumberOrNull("pValue", c.PValue);
        w.WriteStringOrNull("pValueMethod", c.PValueMethod?.ToString().ToLowerInvariant());
        w.WriteNumberOrNull("pValueAdjusted", c.PValueAdjusted);
        w.WriteNumberOrNull("alpha", c.Alpha);
        w.WriteStringOrNull("effectMeasure", c.EffectMeasure);
        w.WriteNumberOrNull("effect", c.Effect);
        if (c.EffectInterval is { } interval)
        {
            w.WriteStartArray("effectInterval");
            w.WriteNumberOrNullValue(interval.Lower);
            w.WriteNumberOrNullValue(interval.Upper);
            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("effectInterval");
        }

        w.WriteNumberOrNull("effectIntervalLevel", c.EffectInterval?.Level);
        w.WriteNumberOrNull("effectErrorBound", c.EffectErrorBound);
        w.WriteNumberOrNull("effectThreshold", c.EffectThreshold);
        w.WriteNumberOrNull("minimumDetectableEffect", c.MinimumDetectableEffect);
        w.WriteBoolean("valueDrifted", c.ValueDrifted);
        w.WriteNumber("referenceCount", c.ReferenceCount);
        w.WriteNumber("currentCount", c.CurrentCount);
        w.WriteNumberOrNull("missingShareReference", c.MissingShareReference);
        w.WriteNumberOrNull("missingShareCurrent", c.MissingShareCurrent);
        w.WriteNumberOrNull("missingSharePValue", c.MissingSharePValue);
        w.WriteNumberOrNull("missingSharePValueAdjusted", c.MissingSharePValueAdjusted);
        w.WriteNumberOrNull("missingShareThreshold", c.MissingShareThreshold);
        w.WriteBoolean("missingShareDrifted", c.MissingShareDrifted);
        if (c.BelowReferenceShare is not null || c.AboveReferenceShare is not null)
        {
            w.WriteStartObject("outOfRangeShare");
            w.WriteNumberOrNull("below", c.BelowReferenceShare);
            w.WriteNumberOrNull("above", c.AboveReferenceShare);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("outOfRangeShare");
        }

        w.WriteNumberOrNull("weight", c.Weight);
        w.WriteStringOrNull("note", c.Note);
        w.WriteEndObject();
    }
}
