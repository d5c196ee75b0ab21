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

    [Fact]
    public void The_same_model_passes_against_its_own_accepted_resources_check_after_check()
    {
        Config(RegressionBudgets, baseline: true);

        var accept = CliRunner.Run(directory.Path, "accept");
        var runs = Enumerable.Range(0, 3).Select(_ => CliRunner.Run(directory.Path, "check", "--format", "json")).ToList();

        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.Contains("resource latencyP95Ms: none -> ", accept.Stdout, StringComparison.Ordinal);
        var resources = JsonNode.Parse(File.ReadAllText(directory.File("credit.baseline.json")))!["resources"]!.AsObject();
        Assert.Equal(["latencyP50Ms", "latencyP95Ms", "modelSizeMB", "throughputRowsPerSecond"], resources.Select(r => r.Key));
        Assert.Equal(3, resources["latencyP95Ms"]!["passes"]!.AsArray().Count);
        Assert.Equal(5, resources["throughputRowsPerSecond"]!["passes"]!.AsArray().Count);
        Assert.Empty(resources["modelSizeMB"]!["passes"]!.AsArray());
        Assert.All(runs, run =>
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            var checks = Budgets(run.Json());
            Assert.Equal(4, checks.Keys.Count(k => k.EndsWith("/maxRegression", StringComparison.Ordinal)));
            Assert.All(checks.Values, c => Assert.Equal("passed", c.Status));
            Assert.Equal(0, checks["model:credit/budget/modelSizeMB/maxRegression"].Measured);
        });
    }

    [Fact]
    public void A_model_that_grew_past_its_baseline_fails_with_MG4061_at_the_bound()
    {
        Config("""
            "modelSizeMB": { "maxRegression": 0.05 }
            """, baseline: true);
        var accept = CliRunner.Run(directory.Path, "accept");

        // The same model with 200 KB more in its zip: it scores the same, its file is larger.
        using (var zip = ZipFile.Open(directory.File("credit-risk.zip"), ZipArchiveMode.Update))
        {
            using var padding = zip.CreateEntry("padding.bin", CompressionLevel.NoCompression).Open();
            padding.Write(new byte[200 * 1024]);
        }

        var run = CliRunner.Run(directory.Path, "check");

        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"error MG4061: Model gate 'credit': model file size \(MB\) regressed by [0-9.]+ % against the baseline \([0-9.]+ against the baseline's [0-9.]+\), beyond the budget's maxRegression 5 %\.\n\s+at modelgates\.json:9:", run.Stdout);
    }

    [Fact]
    public void Latency_slower_than_every_baseline_pass_fails_and_within_the_noise_passes()
    {
        Config("""
            "latencyP95Ms": { "maxRegression": 0.5 },
            "throughputRowsPerSecond": { "maxRegression": 0.5 }
            """, baseline: true);
        var accept = CliRunner.Run(directory.Path, "accept");
        var path = directory.File("credit.baseline.json");
        var accepted = JsonNode.Parse(File.ReadAllText(path))!;

        // A baseline model 1000 times faster than this one: every pass of this model is far beyond its noise.
        var faster = accepted.DeepClone();
        Scale(faster["resources"]!["latencyP95Ms"]!, 0.001);
        Scale(faster["resources"]!["throughputRowsPerSecond"]!, 1000);
        File.WriteAllText(path, faster.ToJsonString());
        var slower = CliRunner.Run(directory.Path, "check");

        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.True(slower.ExitCode == 1, slower.ToString());
        Assert.Matches(@"error MG4061: Model gate 'credit': 95th-percentile scoring latency per row \(ms\) regressed by [0-9.]+ % against the baseline \(its best pass [0-9.E-]+ against the baseline's worst pass [0-9.E-]+\), beyond the budget's maxRegression 50 %\.\n\s+at modelgates\.json:9:", slower.Stdout);
        Assert.Matches(@"error MG4061: Model gate 'credit': scoring throughput \(rows/s\) regressed by [0-9.]+ % against the baseline", slower.Stdout);
    }

    [Fact]
    public void A_regression_budget_without_a_baseline_measurement_is_MG4062_and_without_a_baseline_file_key_a_usage_error()
    {
        Config("""
            "modelSizeMB": { "maxRegression": 0.1 }
            """, baseline: true);
        var unaccepted = CliRunner.Run(directory.Path, "check");
        Config("""
            "modelSizeMB": { "maxRegression": 0.1 }
            """);
        var noBaseline = CliRunner.Run(directory.Path, "check");

        Assert.True(unaccepted.ExitCode == 0, unaccepted.ToString());
        Assert.Contains("warning MG4062: Model gate 'credit': model file size (MB) cannot be compared with the baseline: its baseline 'credit.baseline.json' does not exist yet. Run 'modelgates accept'", unaccepted.Stdout, StringComparison.Ordinal);
        Assert.True(noBaseline.ExitCode == 2, noBaseline.ToString());
        Assert.Contains("'maxRegression' of budget 'modelSizeMB' compares with the resources measured when the baseline was accepted, but model gate 'credit' declares no 'baseline'", noBaseline.Stdout + noBaseline.Stderr, StringComparison.Ordinal);
    }

    private const string RegressionBudgets = """
            "modelSizeMB": { "maxRegression": 0 },
            "latencyP50Ms": { "maxRegression": 1 },
            "latencyP95Ms": { "maxRegression": 1 },
            "throughputRowsPerSecond": { "maxRegression": 1 }
            """;

    private static void Scale(JsonNode resource, double factor)
    {
        resource["value"] = resource["value"]!.GetValue<double>() * factor;
        var passes = resource["passes"]!.AsArray();
        for (var i = 0; i < passes.Count; i++)
        {
            passes[i] = passes[i]!.GetValue<double>() * factor;
        }
    }

    private void Config(string budgets, bool baseline = false) => directory.Write("modelgates.json", $$"""
        {
          "datasets": { "holdout": { "path": "holdout.csv" } },
          "models": {
            "credit": {
              "model": "credit-risk.zip", "data": "holdout", "task": "binary", "label": "Status", "positiveClass": "bad",
              "metrics": { "auc": { "min": 0.5 } },{{(baseline ? "\n      \"baseline\": \"credit.baseline.json\"," : string.Empty)}}
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
