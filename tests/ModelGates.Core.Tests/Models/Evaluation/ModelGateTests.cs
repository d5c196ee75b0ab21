using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>Model gates in modelgates.json: config errors at their line, checks at the bound's line, accept.</summary>
public sealed class ModelGateTests : IDisposable
{
    private readonly TempDirectory directory = new();

    private static string Sample(params string[] parts) => RepoPaths.Combine(["samples", "CreditRisk", .. parts]).Replace('\\', '/');

    private string Config(string gate) => directory.Write("modelgates.json", $$"""
        {
          "schemaVersion": 1,
          "datasets": { "holdout": { "path": "{{Sample("data", "holdout.csv")}}" } },
          "models": {
            "credit": {
              "model": "{{Sample("model", "credit-risk.zip")}}",
              "data": "holdout",
              "task": "binary",
              "label": "Status",
              "positiveClass": "bad",
        {{gate}}
            }
          }
        }
        """);

    [Fact]
    public void Passing_and_failing_thresholds_become_checks_at_the_line_of_their_bound()
    {
        var path = Config("""
                  "bootstrap": { "resamples": 100 },
                  "metrics": {
                    "auc": { "min": 0.8 },
                    "logLoss": { "max": 0.3 }
                  }
            """);
        var report = GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());
        var gate = Assert.Single(report.Gates);
        Assert.Equal("model", gate.Kind);
        var auc = gate.Checks.Single(c => c.Id == "model:credit/auc/min");
        Assert.Equal(CheckStatus.Passed, auc.Status);
        Assert.Equal("auc ≥ 0.8 on holdout", auc.Description);
        var logLoss = gate.Checks.Single(c => c.Id == "model:credit/logLoss/max");
        Assert.Equal(CheckStatus.Failed, logLoss.Status);
        Assert.Equal("MG4002", logLoss.Diagnostic!.Code);
        var lines = File.ReadAllLines(path);
        Assert.Contains("\"max\": 0.3", lines[logLoss.Diagnostic.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Equal(lines[logLoss.Diagnostic.Line.Value - 1].IndexOf("\"max\"", StringComparison.Ordinal) + 1, logLoss.Diagnostic.SourceColumn);
        Assert.False(report.Passed);
        Assert.Contains(report.Inputs, i => i.Role == "model credit");
        Assert.Contains(report.Inputs, i => i.Role == "dataset holdout");
    }

    [Theory]
    [InlineData("\"metrics\": { \"acu\": { \"min\": 0.8 } }", "MG0015", "Did you mean 'auc'?")]
    [InlineData("\"metrics\": { \"lift@0.10\": { \"min\": 2 } }", "MG0015", "is written 'lift@0.1'")]
    [InlineData("\"metrics\": { \"gain@2\": { \"min\": 0.5 } }", "MG0015", "above 0 and at most 1")]
    [InlineData("\"metrics\": { \"ece@10\": { \"max\": 0.1 } }", "MG0015", "is written 'ece'")]
    [InlineData("\"metrics\": { \"gni\": { \"min\": 0.5 } }", "MG0015", "Did you mean 'gini'?")]
    [InlineData("\"metrics\": { \"auc\": { \"maxDrop\": 0.02 } }", "MG0014", "neither 'baseline'")]
    [InlineData("\"metrics\": { \"recall\": { \"maxGap\": 0.1 } }", "MG0014", "declares no 'slices'")]
    [InlineData("\"slices\": [ { \"colum\": \"Home\" } ]", "MG0012", "Did you mean 'column'?")]
    [InlineData("\"bootstrap\": { \"resamples\": \"many\" }", "MG0013", "whole number")]
    [InlineData("\"topK\": 3", "MG0015", "multiclass")]
    [InlineData("\"score\": \"p\"", "MG0015", "predictions file")]
    public void Config_errors_are_reported_at_read_time_with_exit_code_2(string gate, string code, string text)
    {
        var path = Config(gate);
        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));
        var diagnostic = error.Diagnostics[0];
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(text, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.Contains(gate.Split(':')[0].Trim(), File.ReadAllLines(path)[diagnostic.Line!.Value - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_writes_the_baseline_atomically_and_the_change_threshold_then_passes()
    {
        var baseline = directory.File("baselines/credit.json");
        var path = Config("""
                  "baseline": "baselines/credit.json",
                  "bootstrap": { "resamples": 100 },
                  "metrics": { "auc": { "maxDrop": 0.0 } }
            """);
        var config = GatesConfigReader.Read(path);

        var before = GateRunner.Run(config, new GateRunOptions());
        Assert.Equal("MG4007", before.Gates[0].Checks.Single().Diagnostic!.Code);

        var changes = BaselineAcceptor.Accept(config, null);
        var change = Assert.Single(changes);
        Assert.Equal(baseline, change.File);
        Assert.Contains(change.Lines, l => l.StartsWith("auc: none -> 0.842314", StringComparison.Ordinal));
        var first = File.ReadAllBytes(baseline);
        Assert.Equal(0.842314, BaselineMetricsJson.Read(baseline).Find("auc")!.Value!.Value, 6);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(baseline)!, "*.tmp"));

        var after = GateRunner.Run(config, new GateRunOptions());
        Assert.True(after.Passed);
        Assert.Equal(CheckStatus.Passed, after.Gates[0].Checks.Single().Status);
        Assert.Contains(after.Inputs, i => i.Role == "baseline credit");

        var again = BaselineAcceptor.Accept(config, null);
        Assert.Contains("auc: 0.842314 -> 0.842314", again[0].Lines);
        Assert.Equal(first, File.ReadAllBytes(baseline));
    }

    [Fact]
    public void A_family_member_named_by_a_gate_is_measured_accepted_into_the_baseline_and_judged_against_it()
    {
        var baseline = directory.File("baselines/credit.json");
        var path = Config("""
                  "baseline": "baselines/credit.json",
                  "requireSignificantRegression": true,
                  "bootstrap": { "resamples": 200 },
                  "metrics": {
                    "lift@0.2": { "min": 2, "maxDrop": 0.3 },
                    "gain@0.3": { "min": 0.5 },
                    "eceQuantile@5": { "max": 0.1 },
                    "ks": { "min": 0.4, "maxRelativeDrop": 0.1 }
                  }
            """);
        var config = GatesConfigReader.Read(path);

        BaselineAcceptor.Accept(config, null);
        var recorded = BaselineMetricsJson.Read(baseline);
        var report = GateRunner.Run(config, new GateRunOptions());

        Assert.Equal(2.540773, recorded.Find("lift@0.2")!.Value!.Value, 6);
        Assert.NotNull(recorded.Find("gini"));
        Assert.True(report.Passed, string.Join("\n", report.Gates[0].Checks.Select(c => c.Id + " " + c.Status)));
        var checks = report.Gates[0].Checks.Select(c => c.Id).ToList();
        Assert.Equal(
            ["model:credit/lift@0.2/min", "model:credit/lift@0.2/maxDrop", "model:credit/gain@0.3/min", "model:credit/eceQuantile@5/max", "model:credit/ks/min", "model:credit/ks/maxRelativeDrop"],
            checks);
    }

    [Fact]
    public void A_baseline_that_is_not_a_baseline_is_MG4030()
    {
        directory.Write("baselines/credit.json", "{ \"kind\": \"something else\" }");
        var path = Config("""
                  "baseline": "baselines/credit.json",
                  "metrics": { "auc": { "maxDrop": 0.02 } }
            """);
        var error = Assert.ThrowsAny<ModelGatesException>(() => GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions()));
        Assert.Equal("MG4030", error.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.DataError, error.ExitCode);
    }

    public void Dispose() => directory.Dispose();
}
