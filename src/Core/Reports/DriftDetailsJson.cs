using System.Text.Json;
using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Drift.Engine.Results;
using ModelGates.Gates;
using ModelGates.Output;

namespace ModelGates.Reports;

/// <summary>A drift gate's <c>details</c> object in the JSON result: the writer and, next to it, its inverse.</summary>
internal static class DriftDetailsJson
{
    /// <summary>Writes the details; the sides' paths as they are in <paramref name="details"/> (the result relativizes them first).</summary>
    public static void Write(Utf8JsonWriter w, DriftGateDetails details)
    {
        w.WriteStartObject();
        WriteSide(w, "reference", details.Reference);
        WriteSide(w, "current", details.Current);
        w.WriteBoolean("datasetDrift", details.DatasetDrift);
        w.WriteNumberOrNull("driftedShare", details.DriftedShare);
        w.WriteNumberOrNull("driftedShareThreshold", details.DriftedShareThreshold);
        w.WriteStartArray("columns");
        foreach (var c in details.Columns)
        {
            w.WriteStartObject();
            w.WriteString("column", c.Column);
            w.WriteString("kind", c.Kind.ToText());
            w.WriteStringOrNull("test", c.Test);
            w.WriteNumberOrNull("statistic", c.Statistic);
            w.WriteNumberOrNull("pValue", c.PValue);
            w.WriteNumberOrNull("threshold", c.Threshold);
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
            if (c.Distribution is { } distribution)
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
        Drift.Engine.Reporting.DatasetCheckJson.Write(w, details.DatasetChecks);
        w.WriteEndObject();
    }

    /// <summary>Reads details written by <see cref="Write"/>.</summary>
    public static DriftGateDetails Read(ResultJsonReader r, ConfigObject o) => new(
        ReadSide(r, r.Object(o, "reference")),
        ReadSide(r, r.Object(o, "current")),
        r.Boolean(o, "datasetDrift"),
        r.Number(o, "driftedShare"),
        r.Number(o, "driftedShareThreshold"),
        r.Array(o, "columns").Select(c => ReadColumn(r, r.Object(c, "a column"))).ToList())
    {
        DatasetChecks = Drift.Engine.Reporting.DatasetCheckJson.Read(r, o),
    };

    private static void WriteSide(Utf8JsonWriter w, string name, DriftSide side)
    {
        w.WriteStartObject(name);
        w.WriteString("path", side.Path);
        w.WriteString("sha256", side.Hash);
        w.WriteNumber("rows", side.Rows);
        w.WriteString("kind", side.IsProfile ? "profile" : "dataset");
        w.WriteEndObject();
    }

    private static DriftSide ReadSide(ResultJsonReader r, ConfigObject o) =>
        new(r.String(o, "path"), r.String(o, "sha256"), r.Integer(o, "rows"), r.Choice<SideKind>(o, "kind", k => k == SideKind.Profile ? "profile" : "dataset") == SideKind.Profile);

    private static DriftColumnDetails ReadColumn(ResultJsonReader r, ConfigObject o) =>
        new(r.String(o, "column"), r.Choice<ColumnKind>(o, "kind", ColumnKindText.ToText), r.Choice<ColumnDriftStatus>(o, "status", ColumnDriftStatusText.ToText))
        {
            Test = r.OptionalString(o, "test"),
            Statistic = r.OptionalNumber(o, "statistic"),
            PValue = r.OptionalNumber(o, "pValue"),
            Threshold = r.OptionalNumber(o, "threshold"),
            EffectMeasure = r.OptionalString(o, "effectMeasure"),
            Effect = r.OptionalNumber(o, "effect"),
            EffectInterval = r.OptionalInterval(o, "effectInterval"),
            MissingShareReference = r.OptionalNumber(o, "missingShareReference"),
            MissingShareCurrent = r.OptionalNumber(o, "missingShareCurrent"),
            Distribution = r.OptionalObject(o, "distribution") is { } d ? ReadDistribution(r, d) : null,
        };

    private static ColumnDistribution ReadDistribution(ResultJsonReader r, ConfigObject o) => new(
        r.Array(o, "labels").Select(l => r.String(l, "a label")).ToList(),
        r.Array(o, "reference").Select(v => r.Number(v, "a share")).ToList(),
        r.Array(o, "current").Select(v => r.Number(v, "a share")).ToList());

    private enum SideKind
    {
        Dataset,
        Profile,
    }
}
