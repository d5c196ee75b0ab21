using System.Text.Json;
using ModelGates.Configuration.Json;
using ModelGates.Drift.Engine.Results;
using ModelGates.Output;
using ModelGates.Reports;

namespace ModelGates.Drift.Engine.Reporting;

/// <summary>
/// The <c>datasetChecks</c> array of a drift result (the <c>drift</c> command's JSON and a drift gate's details): the
/// writer and, next to it, its inverse. Written only when a check was asked for, so results without one keep their bytes.
/// </summary>
internal static class DatasetCheckJson
{
    /// <summary>Writes the array, unless <paramref name="checks"/> is empty.</summary>
    public static void Write(Utf8JsonWriter w, IReadOnlyList<DatasetDriftCheck> checks)
    {
        if (checks.Count == 0)
        {
            return;
        }

        w.WriteStartArray("datasetChecks");
        foreach (var c in checks)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("code", c.Code);
            w.WriteString("status", c.Status.ToText());
            w.WriteStringOrNull("measure", c.Measure);
            w.WriteNumberOrNull("statistic", c.Statistic);
            if (c.Interval is { } interval)
            {
                w.WriteStartArray("interval");
                w.WriteNumberOrNullValue(interval.Lower);
                w.WriteNumberOrNullValue(interval.Upper);
                w.WriteEndArray();
            }
            else
            {
                w.WriteNull("interval");
            }

            w.WriteNumberOrNull("intervalLevel", c.Interval?.Level);
            w.WriteNumberOrNull("threshold", c.Threshold);
            w.WriteNumber("referenceRows", c.ReferenceRows);
            w.WriteNumber("currentRows", c.CurrentRows);
            w.WriteStartArray("topFeatures");
            foreach (var f in c.TopFeatures)
            {
                w.WriteStartObject();
                w.WriteString("column", f.Column);
                w.WriteNumberOrNull("share", f.Share);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("message", c.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Reads the array written by <see cref="Write"/>; empty when absent.</summary>
    public static IReadOnlyList<DatasetDriftCheck> Read(ResultJsonReader r, ConfigObject o) =>
        r.OptionalArray(o, "datasetChecks") is { } items ? [.. items.Select(i => ReadCheck(r, r.Object(i, "a dataset check")))] : [];

    private static DatasetDriftCheck ReadCheck(ResultJsonReader r, ConfigObject o)
    {
        var interval = r.OptionalInterval(o, "interval");
        var level = r.OptionalNumber(o, "intervalLevel");
        return new DatasetDriftCheck
        {
            Name = r.String(o, "name"),
            Code = r.String(o, "code"),
            Status = r.Choice<DatasetDriftStatus>(o, "status", DatasetDriftStatusText.ToText),
            Measure = r.OptionalString(o, "measure"),
            Statistic = r.OptionalNumber(o, "statistic"),
            Interval = interval is { } i && level is { } l ? new EffectInterval(i.Lower, i.Upper, l) : null,
            Threshold = r.OptionalNumber(o, "threshold"),
            ReferenceRows = r.Integer(o, "referenceRows"),
            CurrentRows = r.Integer(o, "currentRows"),
            TopFeatures = [.. r.Array(o, "topFeatures").Select(f => r.Object(f, "a feature")).Select(f => new FeatureShare(r.String(f, "column"), r.Number(f, "share")))],
            Message = r.String(o, "message"),
        };
    }
}
