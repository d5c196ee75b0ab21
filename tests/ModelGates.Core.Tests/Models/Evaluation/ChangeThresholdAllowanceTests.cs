using System.Text.Json;
using ModelGates.Checks;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Reports;
using ModelGates.Reports.Html;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>
/// A metric with both <c>maxDrop</c> and <c>maxRelativeDrop</c> against a baseline model, with
/// <c>requireSignificantRegression</c>: each threshold is tested against its own allowance (issue 15 e).
/// </summary>
public sealed class ChangeThresholdAllowanceTests(ChangeThresholdAllowanceTests.TrainedPair pair) : IClassFixture<ChangeThresholdAllowanceTests.TrainedPair>
{
    private readonly ChampionChallenger models = pair.Models;

    /// <summary>
    /// The challenger's AUC is about 0.2 below the champion's (about 0.22 relative). In each case one threshold is
    /// tight (the drop is far beyond it and significant) and the other loose (the drop is well within it). Judged
    /// with the loose threshold's allowance, the tight one would pass as "not significant" (MG4009).
    /// </summary>
    [Theory]
    [InlineData(0.05, 0.5, "maxDrop")]
    [InlineData(0.5, 0.05, "maxRelativeDrop")]
    public void Each_change_threshold_of_a_metric_is_tested_against_its_own_allowance(double maxDrop, double maxRelativeDrop, string tight)
    {
        var report = GateRunner.Run(GatesConfigReader.Read(Config(maxDrop, maxRelativeDrop)), new GateRunOptions());

        var checks = Assert.Single(report.Gates).Checks;
        var loose = tight == "maxDrop" ? "maxRelativeDrop" : "maxDrop";
        var failed = checks.Single(c => c.Id == $"model:outcome/auc/{tight}");
        Assert.True(failed.Status == CheckStatus.Failed, $"{failed.Id}: {failed.Status} {failed.Diagnostic?.Code} {failed.Diagnostic?.Message}");
        Assert.Equal("MG4003", failed.Diagnostic!.Code);
        var passed = checks.Single(c => c.Id == $"model:outcome/auc/{loose}");
        Assert.True(passed.Status == CheckStatus.Passed && passed.Diagnostic is null, $"{passed.Id}: {passed.Status} {passed.Diagnostic?.Code} {passed.Diagnostic?.Message}");
    }

    /// <summary>The result JSON, the Markdown summary and the HTML report print the one-sided bound the verdicts used, labelled as one-sided.</summary>
    [Fact]
    public void Reports_print_the_one_sided_bound_of_each_verdict_labelled()
    {
        // maxDrop 0.05 is far exceeded (a significant regression); maxRelativeDrop 0.2 is just exceeded (0.22) and not
        // shown to be exceeded by the bootstrap (MG4009).
        var report = GateRunner.Run(GatesConfigReader.Read(Config(0.05, 0.2)), new GateRunOptions());
        var result = JsonDocument.Parse(GateReportJson.Write(report)).RootElement;
        var changes = result.GetProperty("gates")[0].GetProperty("details").GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["maxDrop", "maxRelativeDrop"], changes.Select(c => c.GetProperty("kind").GetString()));
        var regressed = changes[0];
        var notShown = changes[1];
        Assert.Equal("failed", regressed.GetProperty("status").GetString());
        Assert.Equal("passed", notShown.GetProperty("status").GetString());
        var regressedBound = regressed.GetProperty("significance").GetProperty("oneSidedLowerBound").GetDouble();
        var notShownBound = notShown.GetProperty("significance").GetProperty("oneSidedLowerBound").GetDouble();
        Assert.True(regressedBound > 0.05, $"bound {regressedBound}");
        Assert.True(notShownBound <= 0.2, $"bound {notShownBound}");
        Assert.True(notShown.GetProperty("measured").GetDouble() > 0.2);

        var markdown = GateReportMarkdown.Write(report);
        Assert.Contains("| change threshold | measured | allowed | one-sided 95 % lower bound | p | verdict |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| auc maxDrop | {F(regressed.GetProperty("measured").GetDouble())} | 0.05 | {F(regressedBound)} |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| auc maxRelativeDrop | {F(notShown.GetProperty("measured").GetDouble())} | 0.2 | {F(notShownBound)} |", markdown, StringComparison.Ordinal);
        Assert.Contains("| regressed |", markdown, StringComparison.Ordinal);
        Assert.Contains("| not significant |", markdown, StringComparison.Ordinal);

        var html = HtmlReportWriter.Render(report);
        Assert.Contains($"its one-sided 95 % lower bound of the drop is {F(regressedBound)}, above 0.05", html, StringComparison.Ordinal);
        Assert.Contains($"its one-sided 95 % lower bound of the relative drop is {F(notShownBound)}, within 0.2", html, StringComparison.Ordinal);
    }

    private static string F(double value) => Math.Round(value, 6).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    private string Config(double maxDrop, double maxRelativeDrop)
    {
        var path = pair.Directory.Write("modelgates.json", $$"""
            {
              "schemaVersion": 1,
              "datasets": { "holdout": { "path": "{{models.HoldoutCsv.Replace('\\', '/')}}" } },
              "models": {
                "outcome": {
                  "model": "{{models.Challenger.Replace('\\', '/')}}",
                  "baselineModel": "{{models.Champion.Replace('\\', '/')}}",
                  "data": "holdout",
                  "task": "binary",
                  "label": "Outcome",
                  "positiveClass": "yes",
                  "requireSignificantRegression": true,
                  "bootstrap": { "resamples": 300 },
                  "metrics": { "auc": { "maxDrop": {{maxDrop}}, "maxRelativeDrop": {{maxRelativeDrop}} } }
                }
              }
            }
            """);
        return path;
    }

    /// <summary>The champion and the challenger, trained once for the class.</summary>
    public sealed class TrainedPair : IDisposable
    {
        public TrainedPair() => Models = ChampionChallenger.Train(Directory.Path);

        internal TempDirectory Directory { get; } = new();

        internal ChampionChallenger Models { get; }

        public void Dispose() => Directory.Dispose();
    }
}
