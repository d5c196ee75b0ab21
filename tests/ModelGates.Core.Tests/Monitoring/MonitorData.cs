using System.Globalization;
using System.Text;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring;

/// <summary>Writes a small monitored model into a temporary folder: a reference, production batches, a config.</summary>
internal static class MonitorData
{
    public const string Header = "ts,x,c,label,score";

    /// <summary>A reference of 300 rows: x around 10, c mostly 'a', a score that ranks the label well.</summary>
    public static void WriteReference(TempDirectory directory)
    {
        var text = new StringBuilder("x,c,label,score\n");
        foreach (var row in Rows(300, seed: 1, shift: 0))
        {
            text.Append(row).Append('\n');
        }

        directory.Write("reference.csv", text.ToString());
    }

    /// <summary>One batch: <paramref name="count"/> rows spread over the 7 days from <paramref name="start"/> (naive timestamps), shifted by <paramref name="shift"/>.</summary>
    public static void WriteBatch(TempDirectory directory, string name, DateTime start, int count, double shift = 0, int seed = 2, bool labels = true, Func<DateTime, string>? format = null)
    {
        var text = new StringBuilder(Header + "\n");
        var rows = Rows(count, seed, shift).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var ts = start.AddMinutes(i * (7 * 24 * 60.0 / count));
            var row = labels ? rows[i] : RemoveLabel(rows[i]);
            text.Append(format is null ? ts.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : format(ts)).Append(',').Append(row).Append('\n');
        }

        Directory.CreateDirectory(directory.File("batches"));
        directory.Write(Path.Combine("batches", name), text.ToString());
    }

    /// <summary>A config with one monitor over batches/*.csv; <paramref name="monitorExtra"/> adds keys to the monitor.</summary>
    public static string WriteConfig(TempDirectory directory, string monitorExtra = "", string window = "\"7d\"", string trigger = "{ \"breaches\": 2, \"of\": 3 }")
    {
        var extra = monitorExtra.Length == 0 ? string.Empty : monitorExtra + ",\n      ";
        return directory.Write("modelgates.json", $$"""
            {
              "schemaVersion": 1,
              "datasets": {
                "reference": { "path": "reference.csv" },
                "production": { "path": "batches/*.csv" }
              },
              "models": {
                "m": { "predictions": "reference.csv", "task": "binary", "label": "label", "score": "score", "metrics": { "auc": { "min": 0.7 } } }
              },
              "monitors": {
                "prod": {
                  {{extra}}"reference": "reference",
                  "data": "production",
                  "timestamp": "ts",
                  "window": {{window}},
                  "model": "m",
                  "score": "score",
                  "minRows": 20,
                  "trigger": {{trigger}}
                }
              }
            }
            """);
    }

    private static string RemoveLabel(string row)
    {
        var parts = row.Split(',');
        parts[2] = string.Empty;
        return string.Join(',', parts);
    }

    private static IEnumerable<string> Rows(int count, int seed, double shift)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var x = 10 + (random.NextDouble() * 4) - 2 + shift;
            var label = random.NextDouble() < 0.3 ? 1 : 0;
            var score = Math.Clamp((label == 1 ? 0.65 : 0.35) + ((random.NextDouble() - 0.5) * 0.5), 0, 1);
            var c = random.NextDouble() < (shift == 0 ? 0.8 : 0.2) ? "a" : "b";
            yield return string.Create(CultureInfo.InvariantCulture, $"{x:0.###},{c},{label},{score:0.####}");
        }
    }
}
