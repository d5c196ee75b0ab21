using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelGates.EndToEnd.Tests;

/// <summary>Model gates inside a real <c>dotnet build</c> of a project that references the packed ModelGates.Build.</summary>
[Collection(PackagesCollection.Name)]
public sealed class MsBuildModelGateTests(PackagesFixture packages)
{
    private const string Config = """
        {
          "schemaVersion": 1,
          "datasets": { "holdout": { "path": "holdout.csv" } },
          "models": {
            "credit-risk": {
              "model": "credit-risk.zip",
              "data": "holdout",
              "task": "binary",
              "label": "Status",
              "positiveClass": "bad",
              "baseline": "credit-risk.baseline.json",
              "bootstrap": { "resamples": 200 },
              "metrics": {
                "auc": { "min": 0.95 },
                "logLoss": { "max": 0.55 }
              }
            }
          }
        }
        """;

    [Fact]
    public void Failing_threshold_fails_the_build_at_the_threshold_line()
    {
        using var project = CreditRiskProject(Config);

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        var line = Array.FindIndex(Config.ReplaceLineEndings("\n").Split('\n'), l => l.Contains("\"min\": 0.95", StringComparison.Ordinal)) + 1;
        Assert.Matches(new Regex($@"modelgates\.json\({line},\d+\): error MG4\d{{3}}: .*auc"), build.Output);
        Assert.DoesNotContain("logLoss", Regex.Matches(build.Output, "error MG4.*").Select(m => m.Value).FirstOrDefault() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Resource_budgets_run_in_the_build_and_a_model_past_one_fails_it_at_the_bound()
    {
        var budgets = Config.Replace(
            "\"logLoss\": { \"max\": 0.55 }\n      }",
            "\"logLoss\": { \"max\": 0.55 }\n      },\n      \"budgets\": {\n        \"modelSizeMB\": { \"max\": 50 },\n        \"latencyP95Ms\": { \"max\": 5000 },\n        \"throughputRowsPerSecond\": { \"min\": 1 }\n      }",
            StringComparison.Ordinal).Replace("\"auc\": { \"min\": 0.95 }", "\"auc\": { \"min\": 0.7 }", StringComparison.Ordinal);
        Assert.Contains("\"budgets\"", budgets, StringComparison.Ordinal);
        using var within = CreditRiskProject(budgets);
        using var past = CreditRiskProject(budgets.Replace("\"modelSizeMB\": { \"max\": 50 }", "\"modelSizeMB\": { \"max\": 0.001 }", StringComparison.Ordinal));

        var passing = within.Build();
        var failing = past.Build();

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.Contains("budget/throughputRowsPerSecond/min", File.ReadAllText(Path.Combine(within.ReportDirectory, "modelgates.result.json")), StringComparison.Ordinal);
        Assert.NotEqual(0, failing.ExitCode);
        var line = Array.FindIndex(budgets.ReplaceLineEndings("\n").Split('\n'), l => l.Contains("\"modelSizeMB\"", StringComparison.Ordinal)) + 1;
        Assert.Matches(new Regex($@"modelgates\.json\({line},\d+\): error MG4040: Model gate 'credit-risk': model file size \(MB\) is"), failing.Output);
    }

    [Fact]
    public void Resource_budgets_against_the_baseline_accept_then_pass_and_a_model_that_grew_fails_the_build_at_the_bound()
    {
        var config = Config.Replace(
            "\"logLoss\": { \"max\": 0.55 }\n      }",
            "\"logLoss\": { \"max\": 0.55 }\n      },\n      \"budgets\": {\n        \"modelSizeMB\": { \"maxRegression\": 0.05 },\n        \"latencyP95Ms\": { \"maxRegression\": 1 }\n      }",
            StringComparison.Ordinal).Replace("\"auc\": { \"min\": 0.95 }", "\"auc\": { \"min\": 0.7 }", StringComparison.Ordinal);
        Assert.Contains("maxRegression", config, StringComparison.Ordinal);
        using var project = CreditRiskProject(config);
        var baselinePath = Path.Combine(project.Directory, "credit-risk.baseline.json");

        var unaccepted = project.Build();
        var accept = project.Build("-p:ModelGatesAccept=true");
        var same = project.Build();
        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(project.Directory, "credit-risk.zip"), System.IO.Compression.ZipArchiveMode.Update))
        {
            using var padding = zip.CreateEntry("padding.bin", System.IO.Compression.CompressionLevel.NoCompression).Open();
            padding.Write(new byte[256 * 1024]);
        }

        var grown = project.Build();

        Assert.True(unaccepted.ExitCode == 0, unaccepted.ToString());
        Assert.Contains("warning MG4062", unaccepted.Output, StringComparison.Ordinal);
        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.Contains("resource modelSizeMB: none -> ", accept.Output, StringComparison.Ordinal);
        Assert.Equal(3, JsonNode.Parse(File.ReadAllText(baselinePath))!["resources"]!["latencyP95Ms"]!["passes"]!.AsArray().Count);
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.DoesNotContain("MG406", same.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, grown.ExitCode);
        var line = Array.FindIndex(config.ReplaceLineEndings("\n").Split('\n'), l => l.Contains("\"modelSizeMB\"", StringComparison.Ordinal)) + 1;
        Assert.Matches(new Regex($@"modelgates\.json\({line},\d+\): error MG4061: Model gate 'credit-risk': model file size \(MB\) regressed by"), grown.Output);
    }

    [Fact]
    public void Accept_rewrites_the_baseline_and_the_next_build_passes()
    {
        using var project = CreditRiskProject(Config.Replace("\"auc\": { \"min\": 0.95 }", "\"auc\": { \"min\": 0.7, \"maxDrop\": 0.02 }", StringComparison.Ordinal));
        var baselinePath = Path.Combine(project.Directory, "credit-risk.baseline.json");
        var baseline = JsonNode.Parse(File.ReadAllText(baselinePath))!;
        baseline["metrics"]!["auc"]!["value"] = 0.95;
        File.WriteAllText(baselinePath, baseline.ToJsonString());

        var regressed = project.Build();
        Assert.NotEqual(0, regressed.ExitCode);
        Assert.Matches(new Regex(@"error MG4\d{3}: .*auc"), regressed.Output);

        var accept = project.Build("-p:ModelGatesAccept=true");
        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.Contains("0.95", accept.Output, StringComparison.Ordinal);
        Assert.Contains("0.8423", accept.Output, StringComparison.Ordinal);
        Assert.Equal(0.8423, JsonNode.Parse(File.ReadAllText(baselinePath))!["metrics"]!["auc"]!["value"]!.GetValue<double>(), 4);

        var next = project.Build();
        Assert.True(next.ExitCode == 0, next.ToString());
    }

    [Fact]
    public void The_lineage_gate_and_the_model_lock_run_in_the_build_and_the_lock_is_an_input_of_the_incremental_build()
    {
        var config = Config
            .Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1,\n  \"lock\": \"modelgates.lock.json\",", StringComparison.Ordinal)
            .Replace("\"holdout\": { \"path\": \"holdout.csv\" } }", "\"holdout\": { \"path\": \"holdout.csv\" }, \"train\": { \"path\": \"train.csv\" } }", StringComparison.Ordinal)
            .Replace("\"auc\": { \"min\": 0.95 }", "\"auc\": { \"min\": 0.7 }", StringComparison.Ordinal)
            .Replace("\"baseline\": \"credit-risk.baseline.json\",", "\"lineage\": { \"trainingData\": [\"train\"] },", StringComparison.Ordinal);
        using var project = CreditRiskProject(config);
        project.CopyFromRepo("samples/CreditRisk/data/train.csv");
        var lockLine = Array.FindIndex(config.ReplaceLineEndings("\n").Split('\n'), l => l.Contains("\"lock\"", StringComparison.Ordinal)) + 1;

        var unlocked = project.Build();
        Assert.NotEqual(0, unlocked.ExitCode);
        Assert.Matches(new Regex($@"modelgates\.json\({lockLine},\d+\): error MG5004: .*does not exist yet"), unlocked.Output);

        var accept = project.Build("-p:ModelGatesAccept=true");
        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.Contains("credit-risk.zip: sha256 none -> ", accept.Output, StringComparison.Ordinal);
        var lockPath = Path.Combine(project.Directory, "modelgates.lock.json");
        Assert.True(File.Exists(lockPath));

        var locked = project.Build();
        Assert.True(locked.ExitCode == 0, locked.ToString());

        // Only the lock file changes: the incremental build must run the gates again and catch it.
        var text = File.ReadAllText(lockPath);
        var hash = Regex.Match(text, "\"sha256\": \"([0-9a-f]{64})\"").Groups[1].Value;
        File.WriteAllText(lockPath, text.Replace(hash, new string('0', 64), StringComparison.Ordinal));
        var tampered = project.Build();
        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Matches(new Regex($@"error MG5004: .*has sha256 {hash}, but lock file 'modelgates.lock.json' holds sha256 0{{64}}"), tampered.Output);
    }

    private GatedProject CreditRiskProject(string config)
    {
        var project = GatedProject.Create(packages, config);
        project.CopyFromRepo("samples/CreditRisk/model/credit-risk.zip");
        project.CopyFromRepo("samples/CreditRisk/data/holdout.csv");
        project.CopyFromRepo("samples/CreditRisk/baselines/credit-risk.baseline.json");
        return project;
    }
}
