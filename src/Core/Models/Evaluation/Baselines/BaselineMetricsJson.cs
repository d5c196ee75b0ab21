using System.Globalization;
using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Models.Predictions;
using ModelGates.Output;

namespace ModelGates.Models.Evaluation.Baselines;

/// <summary>
/// Reads and writes baseline metrics files. The bytes depend only on the content (fixed key order, shortest
/// round-trip numbers, no timestamps), so accepting the same results twice leaves the file unchanged.
/// </summary>
public static class BaselineMetricsJson
{
    /// <summary>The baseline as UTF-8 JSON.</summary>
    internal static byte[] Write(BaselineMetrics baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return JsonWriterExtensions.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", BaselineMetrics.Kind);
            w.WriteNumber("schemaVersion", BaselineMetrics.CurrentSchemaVersion);
            w.WriteString("task", TaskText.ToText(baseline.Task));
            w.WriteString("toolVersion", baseline.ToolVersion);
            WriteFile(w, baseline.Scored);
            WriteFile(w, baseline.Data);
            w.WriteNumber("rows", baseline.Rows);
            var s = baseline.Settings;
            w.WriteStartObject("settings");
            w.WriteStringOrNull("positiveClass", s.PositiveClass);
            w.WriteNumberOrNull("decisionThreshold", s.DecisionThreshold);
            w.WriteNumber("topK", s.TopK);
            w.WriteNumber("resamples", s.Resamples);
            w.WriteNumberOrNull("confidence", s.Confidence);
            w.WriteNumber("seed", s.Seed);
            w.WriteEndObject();
            w.WriteStartObject("metrics");
            foreach (var metric in baseline.Metrics)
            {
                w.WriteStartObject(metric.Id);
                w.WriteNumberOrNull("value", metric.Value);
                w.WritePropertyName("interval");
                if (metric.Lower is null || metric.Upper is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteStartArray();
                    // Finite by construction; WriteNumberValue writes the shortest round-trip form and keeps the indentation.
                    w.WriteNumberValue(metric.Lower.Value);
                    w.WriteNumberValue(metric.Upper.Value);
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();

            // Written only when measured, so a baseline without budgets keeps the bytes it always had.
            if (baseline.Resources.Count > 0)
            {
                w.WriteStartObject("resources");
                foreach (var resource in baseline.Resources.OrderBy(r => r.Id, StringComparer.Ordinal))
                {
                    w.WriteStartObject(resource.Id);
                    w.WriteNumberOrNull("value", resource.Value);
                    w.WriteStartArray("passes");
                    foreach (var pass in resource.Passes)
                    {
                        w.WriteNumberValue(pass);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            if (baseline.Importances is { } importances)
            {
                // Written only when the gate measures importance, so a gate without it keeps the bytes it had.
                w.WriteStartObject("importances");
                w.WriteString("metric", importances.Metric);
                w.WriteNumber("repeats", importances.Repeats);
                w.WriteNumber("seed", importances.Seed);
                w.WriteStartObject("columns");
                foreach (var column in importances.Columns)
                {
                    w.WriteStartObject(column.Column);
                    w.WriteNumberOrNull("importance", column.Importance);
                    w.WritePropertyName("interval");
                    if (column.Lower is { } lower && column.Upper is { } upper)
                    {
                        w.WriteStartArray();
                        w.WriteNumberOrNullValue(lower);
                        w.WriteNumberOrNullValue(upper);
                        w.WriteEndArray();
                    }
                    else
                    {
                        w.WriteNullValue();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    /// <summary>Reads the baseline at <paramref name="path"/>.</summary>
    /// <exception cref="ModelGatesException">MG4030: not a valid baseline file (exit code 3).</exception>
    public static BaselineMetrics Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, $"cannot be read: {e.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return Parse(document.RootElement, path);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw Invalid(path, $"does not have the shape of a baseline: {e.Message}");
        }
    }

    private static BaselineMetrics Parse(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kind) || kind.GetString() != BaselineMetrics.Kind)
        {
            throw Invalid(path, $"is not a ModelGates model baseline (its \"kind\" must be \"{BaselineMetrics.Kind}\"). Only 'modelgates accept' writes baselines.");
        }

        var version = root.GetProperty("schemaVersion").GetInt32();
        if (version != BaselineMetrics.CurrentSchemaVersion)
        {
            throw Invalid(path, $"has schema version {version}; this tool reads version {BaselineMetrics.CurrentSchemaVersion}. Run 'modelgates accept' to rewrite it.");
        }

        if (!TaskText.TryParse(root.GetProperty("task").GetString(), out var task))
        {
            throw Invalid(path, $"names an unknown task '{root.GetProperty("task").GetString()}'.");
        }

        var settings = root.GetProperty("settings");
        var metrics = new List<BaselineMetric>();
        foreach (var metric in root.GetProperty("metrics").EnumerateObject())
        {
            var interval = metric.Value.GetProperty("interval");
            metrics.Add(new BaselineMetric(
                metric.Name,
                Number(metric.Value.GetProperty("value")),
                interval.ValueKind == JsonValueKind.Array ? Number(interval[0]) : null,
                interval.ValueKind == JsonValueKind.Array ? Number(interval[1]) : null));
        }

        var scoredRole = root.TryGetProperty("model", out _) ? "model" : "predictions";
        return new BaselineMetrics
        {
            Task = task,
            ToolVersion = root.GetProperty("toolVersion").GetString() ?? "unknown",
            Scored = ReadFile(root, scoredRole),
            Data = ReadFile(root, "data"),
            Rows = root.GetProperty("rows").GetInt64(),
            Settings = new BaselineSettings(
                settings.GetProperty("positiveClass").ValueKind == JsonValueKind.Null ? null : settings.GetProperty("positiveClass").GetString(),
                settings.GetProperty("decisionThreshold").GetDouble(),
                settings.GetProperty("topK").GetInt32(),
                settings.GetProperty("resamples").GetInt32(),
                settings.GetProperty("confidence").GetDouble(),
                settings.GetProperty("seed").GetUInt64()),
            Metrics = metrics,
            Resources = ReadResources(root),
            Importances = root.TryGetProperty("importances", out var importances) ? ReadImportances(importances) : null,
        };
    }

    private static List<BaselineResource> ReadResources(JsonElement root)
    {
        var resources = new List<BaselineResource>();
        if (!root.TryGetProperty("resources", out var section))
        {
            return resources;
        }

        foreach (var resource in section.EnumerateObject())
        {
            var passes = resource.Value.GetProperty("passes").EnumerateArray().Select(p => p.GetDouble()).ToList();
            var value = resource.Value.GetProperty("value").GetDouble();
            if (!double.IsFinite(value) || passes.Any(p => !double.IsFinite(p)))
            {
                throw new FormatException($"resource '{resource.Name}' holds a value that is not a finite number");
            }

            resources.Add(new BaselineResource(resource.Name, value, passes));
        }

        return resources;
    }

    private static BaselineImportances ReadImportances(JsonElement o)
    {
        var columns = new List<BaselineImportance>();
        foreach (var column in o.GetProperty("columns").EnumerateObject())
        {
            var interval = column.Value.GetProperty("interval");
            columns.Add(new BaselineImportance(
                column.Name,
                Number(column.Value.GetProperty("importance")),
                interval.ValueKind == JsonValueKind.Array ? Number(interval[0]) : null,
                interval.ValueKind == JsonValueKind.Array ? Number(interval[1]) : null));
        }

        return new BaselineImportances(o.GetProperty("metric").GetString() ?? string.Empty, o.GetProperty("repeats").GetInt32(), o.GetProperty("seed").GetUInt64(), columns);
    }

    private static void WriteFile(Utf8JsonWriter w, BaselineFile file)
    {
        w.WriteStartObject(file.Role);
        w.WriteString("path", file.Path);
        w.WriteString("sha256", file.Sha256);
        w.WriteEndObject();
    }

    private static BaselineFile ReadFile(JsonElement root, string role)
    {
        var file = root.GetProperty(role);
        return new BaselineFile(role, file.GetProperty("path").GetString() ?? string.Empty, file.GetProperty("sha256").GetString() ?? string.Empty);
    }

    private static double? Number(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    private static ModelGatesException Invalid(string path, string why) =>
        EvaluationErrors.Data(DiagnosticCatalog.BaselineInvalid, string.Create(CultureInfo.InvariantCulture, $"Baseline '{path}' {why}"), path);
}
