using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>A model gate's resource budgets through <c>modelgates check</c>, on the sample's real model and holdout.</summary>
public sealed class BudgetTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public BudgetTests()
    {
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip"), directory.File("credit-risk.zip"));
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"), directory.File("holdout.csv"));
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Generous_budgets_pass_with_the_measured_size_latency_and_throughput()
    {
        Config("""
            "modelSizeMB": { "max": 100 },
            "latencyP50Ms": { "max": 1000 },
            "latencyP95Ms": { "max": 1000 },
            "throughputRowsPerSecond": { "min": 1 }
            """);

        var run = CliRunner.Run(directory.Path, "check", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var checks = Budgets(run.Json());
        Assert.Equal(["model:credit/budget/modelSizeMB/max", "model:credit/budget/latencyP50Ms/max", "model:credit/budget/latencyP95Ms/max", "model:credit/budget/throughputRowsPerSecond/min"], checks.Keys);
        Assert.All(checks.Values, c => Assert.Equal("passed", c.Status));
        Assert.Equal(new FileInfo(directory.File("credit-risk.zip")).Length / (1024.0 * 1024.0), checks["model:credit/budget/modelSizeMB/max"].Measured!.Value, 12);
        var p50 = checks["model:credit/budget/latencyP50Ms/max"].Measured!.Value;
        var p95 = checks["model:credit/budget/latencyP95Ms/max"].Measured!.Value;
        Assert.InRange(p50, double.Epsilon, p95);
        Assert.True(checks["model:credit/budget/throughputRowsPerSecond/min"].Measured > 1);
    }

    [Fact]
    public void A_model_past_its_budgets_fails_with_MG4040_at_each_bound()
    {
        Config("""
            "modelSizeMB": { "max": 0.0001 },
            "latencyP95Ms": { "max": 0.000001, "severity": "warning" },
            "throughputRowsPerSecond": { "min": 1000000000000 }
            """);

        var run = CliRunner.Run(directory.Path, "check");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"error MG4040: Model gate 'credit': model file size \(MB\) is [0-9.E-]+, above the budget's max 0\.0001\.\n\s+at modelgates\.json:8:", run.Stdout);
        Assert.Matches(@"warning MG4040: Model gate 'credit': 95th-percentile scoring latency per row \(ms\) is [0-9.E-]+, above the budget's max 1E-06 \(over 3 passes of single-row requests for 100 rows after a warm-up\)\.\n\s+at modelgates\.json:9:", run.Stdout);
        Assert.Matches(@"error MG4040: Model gate 'credit': scoring throughput \(rows/s\) is [0-9.E+]+, below the budget's min 1000000000000 \(the median of 5 passes over 827 rows after a warm-up\)\.\n\s+at modelgates\.json:10:", run.Stdout);
    }

    [Fact]
    public void Training_budgets_read_the_lineage_record_and_are_MG4041_when_it_lacks_them()
    {
        Config("""
            "trainingSeconds": { "max": 600 },
            "trainingPeakMemoryMB": { "max": 512 }
            """);

        // The sample model was saved before training was measured.
        var before = CliRunner.Run(directory.Path, "check");
        WriteTraining(seconds: 12.5, peakMemoryBytes: 300L * 1024 * 1024);
        var within = CliRunner.Run(directory.Path, "check", "--format", "json");
        WriteTraining(seconds: 900, peakMemoryBytes: 300L * 1024 * 1024);
        var over = CliRunner.Run(directory.Path, "check");

        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.Contains("error MG4041: Model gate 'credit': training time (s) cannot be checked: the lineage record of model 'credit-risk.zip' was written before training was measured", before.Stdout, StringComparison.Ordinal);
        Assert.True(within.ExitCode == 0, within.ToString());
        Assert.Equal(12.5, Budgets(within.Json())["model:credit/budget/trainingSeconds/max"].Measured);
        Assert.Equal(300, Budgets(within.Json())["model:credit/budget/trainingPeakMemoryMB/max"].Measured);
        Assert.True(over.ExitCode == 1, over.ToString());
        Assert.Contains("error MG4040: Model gate 'credit': training time (s) is 900, above the budget's max 600.", over.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"latencyP95Ms\": { \"min\": 2 }", "MG0015", "bound it with 'max', not 'min'")]
    [InlineData("\"latencyP59Ms\": { \"max\": 2 }", "MG0012", "latencyP50Ms")]
    [InlineData("\"modelSizeMB\": { \"max\": 0 }", "MG0015", "must be a positive number")]
    [InlineData("\"modelSizeMB\": { \"max\": \"5MB\" }", "MG0013", "must be a number")]
    public void A_wrong_budget_is_a_usage_error_at_its_line(string budgets, string code, string message)
    {
        Config(budgets);

        var run = CliRunner.Run(directory.Path, "check");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(code, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("modelgates.json:8:", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    private void Config(string budgets) => directory.Write("modelgates.json", $$"""
        {
          "datasets": { "holdout": { "path": "holdout.csv" } },
          "models": {
            "credit": {
              "model": "credit-risk.zip", "data": "holdout", "task": "binary", "label": "Status", "positiveClass": "bad",
              "metrics": { "auc": { "min": 0.5 } },
              "budgets": {
                {{budgets}}
              }
            }
          }
        }
        """);

    // Rewrites the model's lineage record as a newer ModelLineage.Save writes it, with training measured.
    private void WriteTraining(double seconds, long peakMemoryBytes)
    {
        using var zip = ZipFile.Open(directory.File("credit-risk.zip"), ZipArchiveMode.Update);
        var entry = zip.GetEntry("ModelGates/lineage.json")!;
        JsonObject record;
        using (var reader = new StreamReader(entry.Open()))
        {
            record = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
        }

        record["training"] = new JsonObject { ["peakMemoryBytes"] = peakMemoryBytes, ["seconds"] = seconds, ["since"] = "trainingStarted" };
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("ModelGates/lineage.json").Open());
        writer.Write(record.ToJsonString());
    }

    private static Dictionary<string, (string Status, double? Measured)> Budgets(JsonElement result) =>
        result.GetProperty("gates").EnumerateArray()
            .SelectMany(g => g.GetProperty("checks").EnumerateArray())
            .Where(c => c.GetProperty("id").GetString()!.Contains("/budget/", StringComparison.Ordinal))
            .ToDictionary(
                c => c.GetProperty("id").GetString()!,
                c => (c.GetProperty("status").GetString()!, c.TryGetProperty("measured", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDouble() : (double?)null));
}
