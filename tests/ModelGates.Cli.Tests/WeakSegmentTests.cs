using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>A model gate's weak segments through <c>modelgates check</c>, on the sample's real model and holdout.</summary>
public sealed class WeakSegmentTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public WeakSegmentTests()
    {
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip"), directory.File("credit-risk.zip"));
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"), directory.File("holdout.csv"));
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_segment_past_maxDrop_fails_at_the_line_of_weakSegments_and_the_result_and_summary_list_the_segments()
    {
        Config("\"maxDrop\": 0.1, \"severity\": \"error\"");

        var text = CliRunner.Run(directory.Path, "check");
        var json = CliRunner.Run(directory.Path, "check", "--format", "json");
        var markdown = CliRunner.Run(directory.Path, "check", "--format", "markdown");

        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Contains(
            "error MG4060: Model gate 'credit': the model is significantly worse in segment 'Seniority <= 5 and Amount > 1250' (148 rows): logLoss 0.6344 against 0.4322 overall, a drop of 0.2022 beyond maxDrop 0.1 (Holm-adjusted p = 0.001 over 6 segments tested).",
            text.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("at modelgates.json:7:", text.Stdout, StringComparison.Ordinal);
        var weak = json.Json().GetProperty("gates")[0].GetProperty("details").GetProperty("weakSegments");
        Assert.Equal(6, weak.GetProperty("tested").GetInt32());
        Assert.Equal(["Seniority <= 5", "Seniority <= 5 and Amount > 1250"], weak.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("segment").GetString()));
        Assert.All(weak.GetProperty("segments").EnumerateArray(), s => Assert.True(s.GetProperty("adjustedPValue").GetDouble() <= 0.05));
        Assert.Contains("Weak segments: 2 significant of 6 tested", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("| Seniority <= 5 and Amount > 1250 | 148 |", markdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_maxDrop_the_segments_are_reported_and_the_check_passes()
    {
        Config("\"maxDrop\": 0.25");

        var run = CliRunner.Run(directory.Path, "check", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var check = run.Json().GetProperty("gates")[0].GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "model:credit/weakSegments");
        Assert.Equal("passed", check.GetProperty("status").GetString());
        Assert.Equal(0.2022, check.GetProperty("measured").GetDouble(), 4);
    }

    private void Config(string settings) => directory.Write("modelgates.json", $$"""
        {
          "datasets": { "holdout": { "path": "holdout.csv" } },
          "models": {
            "credit": {
              "model": "credit-risk.zip", "data": "holdout", "task": "binary", "label": "Status", "positiveClass": "bad",
              "metrics": { "auc": { "min": 0.5 } },
              "weakSegments": { {{settings}} }
            }
          }
        }
        """);
}
