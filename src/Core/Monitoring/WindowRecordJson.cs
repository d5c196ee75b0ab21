using System.Globalization;
using System.Text.Json;
using ModelGates.Monitoring.Windows;
using ModelGates.Output;

namespace ModelGates.Monitoring;

/// <summary>
/// A window record as JSON: the form the history stores and <c>modelgates monitor --format json</c> prints; the
/// reader is the writer's inverse, so a window read back from the history prints the same bytes as when computed.
/// </summary>
internal static class WindowRecordJson
{
    /// <summary>Writes <paramref name="w"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, WindowRecord w)
    {
        writer.WriteStartObject();
        writer.WriteString("key", w.Key);
        writer.WriteString("start", WindowPlanner.Key(w.Start));
        writer.WriteString("end", WindowPlanner.Key(w.End));
        writer.WriteNumber("rows", w.Rows);
        writer.WriteNumber("labelledRows", w.LabelledRows);
        writer.WriteString("status", w.Status);
        writer.WriteStartArray("reasons");
        foreach (var reason in w.Reasons)
        {
            writer.WriteStringValue(reason);
        }

        writer.WriteEndArray();
        writer.WriteString("hash", w.Hash);
        writer.WriteNumberOrNull("driftedShare", w.DriftedShare);
        writer.WriteBoolean("datasetDrift", w.DatasetDrift);
        writer.WriteStartArray("drift");
        foreach (var c in w.Columns)
        {
            WriteColumn(writer, c);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("predictionDrift");
        if (w.Prediction is { } p)
        {
            WriteColumn(writer, p);
        }
        else
        {
            writer.WriteNullValue();
        }

        WriteMetrics(writer, "realized", w.Realized);
        WriteMetrics(writer, "estimated", w.Estimated);
        writer.WriteEndObject();
    }

    /// <summary>The record as its own JSON text (what the history stores).</summary>
    public static string ToText(WindowRecord w) => System.Text.Encoding.UTF8.GetString(JsonWriterExtensions.Build(writer => Write(writer, w))).TrimEnd('\n');

    /// <summary>Reads a record written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">The text is not such a record.</exception>
    public static WindowRecord Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var o = document.RootElement;
            return new WindowRecord
            {
                Key = o.GetProperty("key").GetString()!,
                Start = Instant(o.GetProperty("start").GetString()!),
                End = Instant(o.GetProperty("end").GetString()!),
                Rows = o.GetProperty("rows").GetInt64(),
                LabelledRows = o.GetProperty("labelledRows").GetInt64(),
                Status = o.GetProperty("status").GetString()!,
                Reasons = [.. o.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)],
                Hash = o.GetProperty("hash").GetString()!,
                DriftedShare = Number(o.GetProperty("driftedShare")),
                DatasetDrift = o.GetProperty("datasetDrift").GetBoolean(),
                Columns = [.. o.GetProperty("drift").EnumerateArray().Select(ReadColumn)],
                Prediction = o.GetProperty("predictionDrift").ValueKind == JsonValueKind.Null ? null : ReadColumn(o.GetProperty("predictionDrift")),
                Realized = ReadMetrics(o.GetProperty("realized")),
                Estimated = ReadMetrics(o.GetProperty("estimated")),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"Not a window record: {e.Message}", e);
        }
    }

    private static void WriteColumn(Utf8JsonWriter writer, WindowColumn c)
    {
        writer.WriteStartObject();
        writer.WriteString("column", c.Column);
        writer.WriteString("status", c.Status);
        writer.WriteStringOrNull("measure", c.Measure);
        writer.WriteNumberOrNull("effect", c.Effect);
        writer.WriteNumberOrNull("lower", c.Lower);
        writer.WriteNumberOrNull("upper", c.Upper);
        writer.WriteNumberOrNull("threshold", c.Threshold);
        writer.WriteNumberOrNull("missingShare", c.MissingShare);
        writer.WriteNumberOrNull("referenceMissingShare", c.ReferenceMissingShare);
        writer.WriteEndObject();
    }

    private static WindowColumn ReadColumn(JsonElement o) => new(
        o.GetProperty("column").GetString()!,
        o.GetProperty("status").GetString()!,
        o.GetProperty("measure").GetString(),
        Number(o.GetProperty("effect")),
        Number(o.GetProperty("lower")),
        Number(o.GetProperty("upper")),
        Number(o.GetProperty("threshold")),
        Number(o.GetProperty("missingShare")),
        Number(o.GetProperty("referenceMissingShare")));

    private static void WriteMetrics(Utf8JsonWriter writer, string name, IReadOnlyList<WindowMetric> metrics)
    {
        writer.WriteStartArray(name);
        foreach (var m in metrics)
        {
            writer.WriteStartObject();
            writer.WriteString("metric", m.Metric);
            writer.WriteNumberOrNull("value", m.Value);
            writer.WriteNumberOrNull("lower", m.Lower);
            writer.WriteNumberOrNull("upper", m.Upper);
            writer.WriteNumberOrNull("min", m.Floor);
            writer.WriteBoolean("belowMin", m.BelowFloor);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static List<WindowMetric> ReadMetrics(JsonElement array) =>
        [.. array.EnumerateArray().Select(m => new WindowMetric(
            m.GetProperty("metric").GetString()!,
            Number(m.GetProperty("value")),
            Number(m.GetProperty("lower")),
            Number(m.GetProperty("upper")),
            Number(m.GetProperty("min"))))];

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    internal static DateTime Instant(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
