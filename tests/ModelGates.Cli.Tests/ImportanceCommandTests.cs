using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>Permutation importance through <c>modelgates check</c> and <c>modelgates accept</c>, on the sample's real model and holdout.</summary>
public sealed class ImportanceCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public ImportanceCommandTests()
    {
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip"), directory.File("credit-risk.zip"));
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"), directory.File("holdout.csv"));
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Check_reports_importances_and_fails_a_forbidden_top_feature_at_its_line_with_exit_code_1()
    {
        // Which column leads is measured first, so the test forbids whatever the model relies on most.
        Config("\"repeats\": 3, \"resamples\": 100");
        var measured = CliRunner.Run(directory.Path, "check", "--format", "json");
        Assert.True(measured.ExitCode == 0, measured.ToString());
        var features = Importance(measured.Json()).GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(13, features.Count);
        Assert.DoesNotContain(features, f => f.GetProperty("column").GetString() == "Status");
        var top = features[0].GetProperty("column").GetString()!;
        Assert.True(features[0].GetProperty("interval")[0].GetDouble() > 0, $"{top}'s interval should be above 0");

        Config($$"""
            "repeats": 3, "resamples": 100, "topK": 3,
                "forbidden": [
                  "{{top}}"
                ]
            """);
        var run = CliRunner.Run(directory.Path, "check");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches($@"error MG4050: Model gate 'credit': forbidden feature '{top}' is the model's number 1 by permutation importance \(a drop of [0-9.E-]+ in auc \[[0-9.E-]+, [0-9.E-]+\] when shuffled\), within the top 3\.", run.Stdout);
        Assert.Contains("at modelgates.json:10:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_stores_the_importances_and_the_shift_then_passes()
    {
        Config("""
            "repeats": 2, "resamples": 50, "shift": { "minRankCorrelation": 0.9, "maxTopKChanges": 0 }
            """, baseline: true);
        var before = CliRunner.Run(directory.Path, "check");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("MG4053", before.Stdout, StringComparison.Ordinal);

        var accept = CliRunner.Run(directory.Path, "accept");
        Assert.True(accept.ExitCode == 0, accept.ToString());
        using var baseline = JsonDocument.Parse(File.ReadAllText(directory.File("credit.baseline.json")));
        Assert.Equal(13, baseline.RootElement.GetProperty("importances").GetProperty("columns").EnumerateObject().Count());

        var after = CliRunner.Run(directory.Path, "check", "--format", "json");
        Assert.True(after.ExitCode == 0, after.ToString());
        var shift = Importance(after.Json()).GetProperty("shift");
        Assert.Equal(1.0, shift.GetProperty("rankCorrelation").GetDouble(), 12);
        Assert.Equal(0, shift.GetProperty("entered").GetArrayLength());
    }

    [Fact]
    public void The_shipped_sample_measures_importance_and_keeps_age_and_marital_status_out_of_its_top_5()
    {
        var run = CliRunner.Run(RepoPaths.Root, "check", "--config", Path.Combine("samples", "CreditRisk", "modelgates.json"), "--format", "json");

        var json = run.Json();
        var model = json.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "model");
        var checks = model.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("passed", checks["model:credit-risk/importance/forbidden/Age"]);
        Assert.Equal("passed", checks["model:credit-risk/importance/forbidden/Marital"]);
        var importance = Importance(json);
        Assert.Equal(["Age", "Marital"], importance.GetProperty("forbidden").EnumerateArray().Select(f => f.GetString()));
        var top = importance.GetProperty("features").EnumerateArray().Take(5).Select(f => f.GetProperty("column").GetString()).ToList();
        Assert.DoesNotContain("Age", top);
        Assert.DoesNotContain("Marital", top);
    }

    private void Config(string importance, bool baseline = false) => directory.Write("modelgates.json", $$"""
        {
          "datasets": { "holdout": { "path": "holdout.csv" } },
          "models": {
            "credit": {
              "model": "credit-risk.zip", "data": "holdout", "task": "binary", "label": "Status", "positiveClass": "bad",
              "metrics": { "auc": { "min": 0.5 } },{{(baseline ? "\n      \"baseline\": \"credit.baseline.json\"," : string.Empty)}}
              "importance": {
                {{importance}}
              }
            }
          }
        }
        """);

    private static JsonElement Importance(JsonElement result) =>
        result.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "model").GetProperty("details").GetProperty("importance");
}
