using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelGates.Lineage;

/// <summary>
/// The record's JSON: keys in ordinal order at every level (lists keep their order), invariant culture,
/// round-trip number formatting, UTC time in ISO 8601. The same record always gives the same bytes.
/// </summary>
internal static class LineageJson
{
    public static string Write(LineageRecord record)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, Culture = CultureInfo.InvariantCulture, FloatFormatHandling = FloatFormatHandling.String })
        {
            var members = new SortedDictionary<string, Action>(StringComparer.Ordinal)
            {
                ["createdUtc"] = () => writer.WriteValue(record.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
                ["dataFiles"] = () => WriteDataFiles(writer, record.DataFiles),
                ["git"] = () => WriteGit(writer, record.Git),
                ["hyperparameters"] = () => WriteMap(writer, record.Hyperparameters),
                ["metrics"] = () => WriteMetrics(writer, record.Metrics),
                ["mlNetVersion"] = () => writer.WriteValue(record.MlNetVersion),
                ["modelParameters"] = () => WriteMap(writer, record.ModelParameters),
                ["operatingSystem"] = () => writer.WriteValue(record.OperatingSystem),
                ["pipeline"] = () => WriteList(writer, record.Pipeline),
                ["properties"] = () => WriteMap(writer, record.Properties),
                ["runtime"] = () => writer.WriteValue(record.Runtime),
                ["schemaVersion"] = () => writer.WriteValue(record.SchemaVersion),
                ["seed"] = () => writer.WriteValue(record.Seed),
                ["seedSource"] = () => writer.WriteValue(record.SeedSource),
                ["trainer"] = () => writer.WriteValue(record.Trainer),
            };

            // Left out when unmeasured, so that a record written before training was measured reads back to the same bytes.
            if (record.Training is { } training)
            {
                members["training"] = () => WriteTraining(writer, training);
            }

            writer.WriteStartObject();
            foreach (var member in members)
            {
                writer.WritePropertyName(member.Key);
                member.Value();
            }

            writer.WriteEndObject();
        }

        return text.ToString() + "\n";
    }

    public static LineageRecord Read(string json)
    {
        var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, Culture = CultureInfo.InvariantCulture };
        var root = JObject.Load(reader);
        var git = root["git"] as JObject;
        return new LineageRecord(
            schemaVersion: (int?)root["schemaVersion"] ?? 1,
            seed: (int?)root["seed"],
            seedSource: (string?)root["seedSource"] ?? "unknown",
            dataFiles: (root["dataFiles"] as JArray ?? new JArray()).OfType<JObject>()
                .Select(file => new DataFileHash((string?)file["path"] ?? string.Empty, (string?)file["sha256"] ?? string.Empty, (long?)file["length"] ?? 0))
                .ToList(),
            git: git is null ? null : new GitState((string?)git["commit"] ?? string.Empty, (bool?)git["dirty"] ?? false),
            mlNetVersion: (string?)root["mlNetVersion"] ?? string.Empty,
            runtime: (string?)root["runtime"] ?? string.Empty,
            operatingSystem: (string?)root["operatingSystem"] ?? string.Empty,
            trainer: (string?)root["trainer"],
            pipeline: (root["pipeline"] as JArray ?? new JArray()).Select(item => (string?)item ?? string.Empty).ToList(),
            modelParameters: ReadMap(root["modelParameters"]),
            hyperparameters: ReadMap(root["hyperparameters"]),
            metrics: ReadMetrics(root["metrics"]),
            properties: ReadMap(root["properties"]),
            createdUtc: DateTimeOffset.Parse((string?)root["createdUtc"] ?? "0001-01-01T00:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            training: root["training"] is JObject training && (double?)training["seconds"] is { } seconds
                ? new TrainingResources(seconds, (long?)training["peakMemoryBytes"] ?? 0, (string?)training["since"] ?? "processStart")
                : null);
    }

    private static void WriteTraining(JsonWriter writer, TrainingResources training)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("peakMemoryBytes");
        writer.WriteValue(training.PeakMemoryBytes);
        writer.WritePropertyName("seconds");
        writer.WriteValue(training.Seconds);
        writer.WritePropertyName("since");
        writer.WriteValue(training.Since);
        writer.WriteEndObject();
    }

    private static void WriteDataFiles(JsonWriter writer, IReadOnlyList<DataFileHash> files)
    {
        writer.WriteStartArray();
        foreach (var file in files)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("length");
            writer.WriteValue(file.Length);
            writer.WritePropertyName("path");
            writer.WriteValue(file.Path);
            writer.WritePropertyName("sha256");
            writer.WriteValue(file.Sha256);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteGit(JsonWriter writer, GitState? git)
    {
        if (git is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("commit");
        writer.WriteValue(git.Commit);
        writer.WritePropertyName("dirty");
        writer.WriteValue(git.Dirty);
        writer.WriteEndObject();
    }

    private static void WriteList(JsonWriter writer, IReadOnlyList<string> items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteValue(item);
        }

        writer.WriteEndArray();
    }

    private static void WriteMap(JsonWriter writer, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject();
        foreach (var pair in map.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(pair.Key);
            writer.WriteValue(pair.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteMetrics(JsonWriter writer, IReadOnlyDictionary<string, double> metrics)
    {
        writer.WriteStartObject();
        foreach (var pair in metrics.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(pair.Key);
            writer.WriteValue(pair.Value);
        }

        writer.WriteEndObject();
    }

    private static IReadOnlyDictionary<string, string> ReadMap(JToken? token)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (token is JObject item)
        {
            foreach (var property in item.Properties())
            {
                map[property.Name] = (string?)property.Value ?? string.Empty;
            }
        }

        return map;
    }

    private static IReadOnlyDictionary<string, double> ReadMetrics(JToken? token)
    {
        var map = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (token is JObject item)
        {
            foreach (var property in item.Properties())
            {
                // Non-finite values are written as strings ("NaN", "Infinity"): JSON has no literal for them.
                map[property.Name] = property.Value.Type == JTokenType.String
                    ? double.Parse((string)property.Value!, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : (double)property.Value;
            }
        }

        return map;
    }
}
