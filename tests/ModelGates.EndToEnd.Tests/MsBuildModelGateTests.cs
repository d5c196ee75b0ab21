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
        Assert.Matches(new Regex($@"modelgates\.json\({line},\d+\): ModelGates error MG4\d{{3}}: .*auc"), build.Output);
        Assert.DoesNotContain("logLoss", Regex.Matches(build.Output, "error MG4.*").Select(m => m.Value).FirstOrDefault() ?? string.Empty, StringComparison.Ordinal);
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

    private GatedProject CreditRiskProject(string config)
    {
        var project = GatedProject.Create(packages, config);
        project.CopyFromRepo("samples/CreditRisk/model/credit-risk.zip");
        project.CopyFromRepo("samples/CreditRisk/data/holdout.csv");
        project.CopyFromRepo("samples/CreditRisk/baselines/credit-risk.baseline.json");
        return project;
    }
}
