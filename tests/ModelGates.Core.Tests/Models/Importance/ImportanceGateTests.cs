using System.Text;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Reports;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Importance;

/// <summary>The importance block of a model gate: each gate passing and failing at its line, the baseline's importances, config errors.</summary>
public sealed class ImportanceGateTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public ImportanceGateTests()
    {
        ImportanceModels.Binary(directory.File("model.zip"), ImportanceModels.Rows(800, seed: 3));
        ImportanceModels.WriteCsv(directory.File("holdout.csv"), ImportanceModels.Rows(600, seed: 4));
    }

    private string Config(string gate, string source = "\"model\": \"model.zip\", \"data\": \"holdout\"") => directory.Write("modelgates.json", $$"""
        {
          "schemaVersion": 1,
          "datasets": { "holdout": { "path": "holdout.csv" } },
          "models": {
            "risk": {
              {{source}},
              "task": "binary",
              "label": "Outcome",
              "positiveClass": "yes",
              "bootstrap": { "resamples": 50 },
        {{gate}}
            }
          }
        }
        """);

    /// <summary>The model and holdout of a world where Weak drives the outcome and Strong barely does.</summary>
    private void Swap()
    {
        ImportanceModels.Binary(directory.File("model.zip"), ImportanceModels.Rows(800, seed: 3, swapped: true));
        ImportanceModels.WriteCsv(directory.File("holdout.csv"), ImportanceModels.Rows(600, seed: 4, swapped: true));
    }

    [Fact]
    public void A_forbidden_feature_in_the_top_k_fails_at_its_line_and_one_outside_passes()
    {
        var path = Config("""
                  "importance": { "repeats": 3, "resamples": 60, "topK": 2, "forbidden": ["Strong", "Unread"] }
            """);
        var report = GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());
        var checks = report.Gates[0].Checks;

        var strong = checks.Single(c => c.Id == "model:risk/importance/forbidden/Strong");
        Assert.Equal(CheckStatus.Failed, strong.Status);
        Assert.Equal("MG4050", strong.Diagnostic!.Code);
        Assert.Contains("number 1 by permutation importance", strong.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("\"Strong\"", File.ReadAllLines(path)[strong.Diagnostic.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Passed, checks.Single(c => c.Id == "model:risk/importance/forbidden/Unread").Status);
        Assert.False(report.Passed);

        var details = Assert.IsType<ModelGateDetails>(report.Gates[0].Details).Importance!;
        Assert.Equal(["Strong", "Weak"], details.Features.Take(2).Select(f => f.Column));
        Assert.Equal(4, details.Features.Count);
        Assert.Equal(["Strong", "Unread"], details.Forbidden);
    }

    [Fact]
    public void Importances_round_trip_through_the_json_result_and_appear_in_the_markdown()
    {
        var path = Config("""
                  "importance": { "repeats": 2, "resamples": 40 }
            """);
        var report = GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());
        var json = GateReportJson.Write(report);
        var read = GateReportJson.Read(Encoding.UTF8.GetString(json), "result.json");
        Assert.Equal(json, GateReportJson.Write(read));
        var importance = Assert.IsType<ModelGateDetails>(read.Gates[0].Details).Importance!;
        Assert.Equal("auc", importance.Metric);
        Assert.Equal("Strong", importance.Features[0].Column);

        var markdown = GateReportMarkdown.Write(report);
        Assert.Contains("Permutation importance of risk", markdown, StringComparison.Ordinal);
        Assert.Contains("| 1 | Strong |", markdown, StringComparison.Ordinal);

        // The HTML chart: one bar and one interval whisker (three lines) per column, self-contained SVG.
        var html = ModelGates.Reports.Html.HtmlReportWriter.Render(read);
        var chart = html[html.IndexOf("<figcaption>Permutation importance", StringComparison.Ordinal)..];
        chart = chart[..(chart.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.Equal(4 + 1, CountOf(chart, "<rect class=\"bar"));
        Assert.Equal((4 * 3) + 1, CountOf(chart, "class=\"whisker\""));
        Assert.Contains("<title>Strong: ", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(html, ModelGates.Reports.Html.HtmlReportWriter.Render(read));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void The_shift_checks_compare_with_the_importances_accept_stored_and_fail_when_the_model_relies_on_other_features()
    {
        var path = Config("""
                  "baseline": "risk.baseline.json",
                  "importance": {
                    "repeats": 3, "resamples": 60, "topK": 1,
                    "shift": { "minRankCorrelation": 0.9, "maxTopKChanges": 0 }
                  }
            """);
        var config = GatesConfigReader.Read(path);

        var before = GateRunner.Run(config, new GateRunOptions());
        var notRun = before.Gates[0].Checks.Single(c => c.Id == "model:risk/importance/shift");
        Assert.Equal(CheckStatus.Skipped, notRun.Status);
        Assert.Equal("MG4053", notRun.Diagnostic!.Code);
        Assert.True(before.Passed);

        BaselineAcceptor.Accept(config, null);
        var stored = BaselineMetricsJson.Read(directory.File("risk.baseline.json")).Importances!;
        Assert.Equal("auc", stored.Metric);
        Assert.Equal("Strong", stored.Columns[0].Column);

        var same = GateRunner.Run(config, new GateRunOptions());
        Assert.Equal(CheckStatus.Passed, same.Gates[0].Checks.Single(c => c.Id == "model:risk/importance/rankCorrelation").Status);
        Assert.Equal(1.0, same.Gates[0].Checks.Single(c => c.Id == "model:risk/importance/rankCorrelation").Measured!.Value.Number!.Value, 12);
        Assert.Equal(CheckStatus.Passed, same.Gates[0].Checks.Single(c => c.Id == "model:risk/importance/topKChanges").Status);

        Swap();
        var after = GateRunner.Run(config, new GateRunOptions());
        var rank = after.Gates[0].Checks.Single(c => c.Id == "model:risk/importance/rankCorrelation");
        Assert.Equal(CheckStatus.Failed, rank.Status);
        Assert.Equal("MG4051", rank.Diagnostic!.Code);
        Assert.Contains("minRankCorrelation", File.ReadAllLines(path)[rank.Diagnostic.Line!.Value - 1], StringComparison.Ordinal);
        var topK = after.Gates[0].Checks.Single(c => c.Id == "model:risk/importance/topKChanges");
        Assert.Equal(CheckStatus.Failed, topK.Status);
        Assert.Equal("MG4052", topK.Diagnostic!.Code);
        Assert.Contains("Entered the top k: 'Weak'; left it: 'Strong'.", topK.Diagnostic.Message, StringComparison.Ordinal);
        var shift = Assert.IsType<ModelGateDetails>(after.Gates[0].Details).Importance!.Shift!;
        Assert.Equal(["Weak"], shift.Entered);
    }

    [Fact]
    public void A_baseline_accepted_before_importances_existed_leaves_the_shift_not_run_instead_of_failed()
    {
        Config("""
                  "baseline": "risk.baseline.json"
            """);
        BaselineAcceptor.Accept(GatesConfigReader.Read(directory.File("modelgates.json")), null);
        Assert.Null(BaselineMetricsJson.Read(directory.File("risk.baseline.json")).Importances);
        Assert.DoesNotContain("importances", File.ReadAllText(directory.File("risk.baseline.json")), StringComparison.Ordinal);

        var path = Config("""
                  "baseline": "risk.baseline.json",
                  "importance": { "repeats": 2, "resamples": 40, "shift": { "minRankCorrelation": 0.5 } }
            """);
        var report = GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());
        var notRun = report.Gates[0].Checks.Single(c => c.Id == "model:risk/importance/shift");
        Assert.Equal(CheckStatus.Skipped, notRun.Status);
        Assert.Equal(Severity.Info, notRun.Diagnostic!.Severity);
        Assert.Contains("holds no importances", notRun.Diagnostic.Message, StringComparison.Ordinal);
        Assert.True(report.Passed);
    }

    [Fact]
    public void The_shift_against_a_baseline_model_measures_the_champion_on_the_same_rows()
    {
        File.Copy(directory.File("model.zip"), directory.File("champion.zip"));
        var path = Config("""
                  "baselineModel": "champion.zip",
                  "importance": { "repeats": 2, "resamples": 40, "topK": 1, "shift": { "maxTopKChanges": 0 } }
            """);
        var report = GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());
        var check = report.Gates[0].Checks.Single(c => c.Id == "model:risk/importance/topKChanges");
        Assert.Equal(CheckStatus.Passed, check.Status);
        Assert.StartsWith("baseline model", Assert.IsType<ModelGateDetails>(report.Gates[0].Details).Importance!.Shift!.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"importance\": { \"repeats\": 0 }", "MG0015", "from 1 to 1000")]
    [InlineData("\"importance\": { \"repaets\": 3 }", "MG0012", "repeats")]
    [InlineData("\"importance\": { \"metric\": \"rmse\" }", "MG0015", "binary metrics")]
    [InlineData("\"importance\": { \"forbidden\": [1] }", "MG0013", "column name")]
    [InlineData("\"importance\": { \"shift\": { \"minRankCorrelation\": 0.5 } }", "MG0201", "neither 'baseline'")]
    [InlineData("\"baseline\": \"b.json\", \"importance\": { \"shift\": { \"minRankCorrelation\": 2 } }", "MG0015", "between -1 and 1")]
    [InlineData("\"baseline\": \"b.json\", \"importance\": { \"shift\": { \"method\": \"pearson\", \"maxTopKChanges\": 1 } }", "MG0015", "spearman")]
    public void Config_errors_are_reported_at_their_line(string gate, string code, string text)
    {
        var path = Config(gate);
        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));
        var diagnostic = error.Diagnostics[0];
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(text, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
    }

    [Fact]
    public void Importance_on_a_predictions_file_is_MG0200()
    {
        directory.Write("predictions.csv", "Outcome,p\nyes,0.9\nno,0.2\n");
        var path = Config("\"score\": \"p\", \"importance\": {}", source: "\"predictions\": \"predictions.csv\"");
        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));
        Assert.Contains(error.Diagnostics, d => d.Code == "MG0200");
    }

    public void Dispose() => directory.Dispose();
}
