using System.Globalization;
using System.Text.Json;
using ModelGates.Monitoring.Contracts;
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
        writer.WriteNumber("format", w.Format);
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
        writer.WriteStartArray("missing");
        foreach (var m in w.Missing)
        {
            writer.WriteStartObject();
            writer.WriteString("column", m.Column);
            writer.WriteNumber("missingShare", m.Share);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("contract");
        foreach (var r in w.Contract)
        {
            writer.WriteStartObject();
            writer.WriteString("column", r.Column);
            writer.WriteString("check", r.Check);
            writer.WriteNumber("rows", r.Rows);
            writer.WriteNumber("violations", r.Violations);
            writer.WriteNumber("passRate", r.PassRate);
            writer.WriteBoolean("passed", r.Passed);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
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
                // Records of format 1 have neither 'format' nor the per-window contract and missing shares.
                Format = o.TryGetProperty("format", out var format) ? format.GetInt32() : 1,
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
                Missing = o.TryGetProperty("missing", out var missing)
                    ? [.. missing.EnumerateArray().Select(m => new WindowMissing(m.GetProperty("column").GetString()!, m.GetProperty("missingShare").GetDouble()))]
                    : [],
                Contract = o.TryGetProperty("contract", out var contract)
                    ? [.. contract.EnumerateArray().Select(ReadRule)]
                    : [],
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
            writer.WriteNumberOrNull("max", m.Ceiling);
            writer.WriteBoolean("aboveMax", m.AboveCeiling);
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
            Number(m.GetProperty("min")),
            m.TryGetProperty("max", out var max) ? Number(max) : null))];

    private static WindowRule ReadRule(JsonElement r) => new(
        r.GetProperty("column").GetString()!,
        r.GetProperty("check").GetString()!,
        r.GetProperty("rows").GetInt64(),
        r.GetProperty("violations").GetInt64(),
        r.GetProperty("passRate").GetDouble(),
        r.GetProperty("passed").GetBoolean());

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    internal static DateTime Instant(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
