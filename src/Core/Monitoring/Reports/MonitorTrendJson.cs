using System.Text.Json;
using ModelGates.Configuration.Json;
using ModelGates.Monitoring.Windows;
using ModelGates.Output;
using ModelGates.Reports;

namespace ModelGates.Monitoring.Reports;

/// <summary>A monitor gate's <c>details</c> object in the JSON result of <c>check</c>: the trend, and next to the writer its inverse.</summary>
internal static class MonitorTrendJson
{
    public static void Write(Utf8JsonWriter w, MonitorTrend trend)
    {
        w.WriteStartObject();
        w.WriteString("window", trend.Window);
        w.WriteString("timeZone", trend.TimeZone);
        w.WriteNumber("datasetDriftShare", trend.DatasetDriftShare);
        w.WriteStartArray("windows");
        foreach (var window in trend.Windows)
        {
            WriteWindow(w, window);
        }

        w.WriteEndArray();
        w.WriteStartObject("retrain");
        w.WriteBoolean("due", trend.Retrain.Due);
        w.WriteString("reason", trend.Retrain.Reason);
        WriteStrings(w, "breached", trend.Retrain.Breached);
        WriteStrings(w, "becameDue", trend.Retrain.BecameDue);
        w.WriteEndObject();
        WriteStrings(w, "promotions", trend.Promotions.Select(WindowPlanner.Key));
        w.WriteEndObject();
    }

    public static MonitorTrend Read(ResultJsonReader r, ConfigObject o)
    {
        var retrain = r.Object(o, "retrain");
        return new MonitorTrend
        {
            Window = r.String(o, "window"),
            TimeZone = r.String(o, "timeZone"),
            DatasetDriftShare = r.Number(o, "datasetDriftShare"),
            Windows = [.. r.Array(o, "windows").Select(n => ReadWindow(r, r.Object(n, "a window")))],
            Retrain = new TrendRetrain(r.Boolean(retrain, "due"), r.String(retrain, "reason"), Strings(r, retrain, "breached"), Strings(r, retrain, "becameDue")),
            Promotions = [.. r.Array(o, "promotions").Select(n => Instant(r, n))],
        };
    }

    private static void WriteWindow(Utf8JsonWriter w, TrendWindow window)
    {
        w.WriteStartObject();
        w.WriteString("key", window.Key);
        w.WriteString("start", WindowPlanner.Key(window.Start));
        w.WriteString("end", WindowPlanner.Key(window.End));
        w.WriteNumber("rows", window.Rows);
        w.WriteNumber("labelledRows", window.LabelledRows);
        w.WriteString("status", window.Status);
        WriteStrings(w, "reasons", window.Reasons);
        w.WriteNumberOrNull("driftedShare", window.DriftedShare);
        w.WriteStartArray("drift");
        foreach (var effect in window.Drift)
        {
            WriteEffect(w, effect);
        }

        w.WriteEndArray();
        w.WritePropertyName("predictionDrift");
        if (window.Prediction is { } prediction)
        {
            WriteEffect(w, prediction);
        }
        else
        {
            w.WriteNullValue();
        }

        WriteMetrics(w, "realized", window.Realized);
        WriteMetrics(w, "estimated", window.Estimated);
        w.WriteEndObject();
    }

    private static TrendWindow ReadWindow(ResultJsonReader r, ConfigObject o) => new(
        r.String(o, "key"),
        Instant(r, r.Required(o, "start")),
        Instant(r, r.Required(o, "end")),
        r.Integer(o, "rows"),
        r.Integer(o, "labelledRows"),
        r.String(o, "status"),
        Strings(r, o, "reasons"),
        Nullable(r, o, "driftedShare"),
        [.. r.Array(o, "drift").Select(n => ReadEffect(r, r.Object(n, "a drift effect")))],
        ResultJsonReader.Optional(o, "predictionDrift") is ConfigObject p ? ReadEffect(r, p) : null,
        ReadMetrics(r, o, "realized"),
        ReadMetrics(r, o, "estimated"));

    private static void WriteEffect(Utf8JsonWriter w, TrendEffect effect)
    {
        w.WriteStartObject();
        w.WriteString("column", effect.Column);
        w.WriteString("status", effect.Status);
        w.WriteNumberOrNull("effect", effect.Effect);
        w.WriteNumberOrNull("threshold", effect.Threshold);
        w.WriteEndObject();
    }

    private static TrendEffect ReadEffect(ResultJsonReader r, ConfigObject o) =>
        new(r.String(o, "column"), r.String(o, "status"), Nullable(r, o, "effect"), Nullable(r, o, "threshold"));

    private static void WriteMetrics(Utf8JsonWriter w, string name, IReadOnlyList<WindowMetric> metrics)
    {
        w.WriteStartArray(name);
        foreach (var m in metrics)
        {
            w.WriteStartObject();
            w.WriteString("metric", m.Metric);
            w.WriteNumberOrNull("value", m.Value);
            w.WriteNumberOrNull("lower", m.Lower);
            w.WriteNumberOrNull("upper", m.Upper);
            w.WriteNumberOrNull("min", m.Floor);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static List<WindowMetric> ReadMetrics(ResultJsonReader r, ConfigObject o, string key) =>
        [.. r.Array(o, key).Select(n => r.Object(n, "a metric")).Select(m => new WindowMetric(
            r.String(m, "metric"), Nullable(r, m, "value"), Nullable(r, m, "lower"), Nullable(r, m, "upper"), Nullable(r, m, "min")))];

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static List<string> Strings(ResultJsonReader r, ConfigObject o, string key) => [.. r.Array(o, key).Select(n => r.String(n, $"an item of '{key}'"))];

    // The writer writes a value it does not have as null; a finite number always round-trips.
    private static double? Nullable(ResultJsonReader r, ConfigObject o, string key) =>
        ResultJsonReader.Optional(o, key) is null or ConfigNull ? null : r.Number(o, key);

    private static DateTime Instant(ResultJsonReader r, ConfigNode node)
    {
        var text = r.String(node, "a time");
        try
        {
            return WindowRecordJson.Instant(text);
        }
        catch (FormatException)
        {
            throw r.Invalid(node, $"'{text}' is not a UTC time like 2026-06-01T00:00:00Z.");
        }
    }
}
