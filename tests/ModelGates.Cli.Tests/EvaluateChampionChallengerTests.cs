using System.Text.Json;
using ModelGates.Testing;
using ModelGates.Tests.Models.Evaluation;

namespace ModelGates.Cli.Tests;

/// <summary>
/// <c>modelgates evaluate --baseline-model</c> on two seeded ML.NET models trained in the test: each change threshold
/// judged against its own allowance with the bound its verdict used (issue 15 e, f), and progress at the phase
/// boundaries of a long evaluation (issue 15 i).
/// </summary>
public sealed class EvaluateChampionChallengerTests(EvaluateChampionChallengerTests.TrainedPair pair) : IClassFixture<EvaluateChampionChallengerTests.TrainedPair>
{
    private static readonly string[] Phases = ["scoring: model ", "baseline: scoring baseline model ", "bootstrap: 300 resamples", "paired bootstrap against the baseline model: 300 resamples"];

    [Theory]
    [InlineData("0.05", "0.5", "maxDrop")]
    [InlineData("0.5", "0.05", "maxRelativeDrop")]
    public void Each_change_threshold_of_a_metric_is_tested_against_its_own_allowance(string maxDrop, string maxRelativeDrop, string tight)
    {
        var run = Evaluate(new Dictionary<string, string?>(), "--max-drop", $"auc={maxDrop}", "--max-relative-drop", $"auc={maxRelativeDrop}", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["MG4003"], run.Codes());
        var gates = run.Json().GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("kind").GetString()!);
        var failed = gates[tight];
        var passed = gates[tight == "maxDrop" ? "maxRelativeDrop" : "maxDrop"];
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("passed", passed.GetProperty("status").GetString());

        // Each verdict's own bound, one-sided at the bootstrap's confidence, on the verdict's side of its allowance.
        var significance = failed.GetProperty("significance");
        Assert.Equal(0.95, significance.GetProperty("confidence").GetDouble());
        Assert.True(significance.GetProperty("significant").GetBoolean());
        Assert.True(significance.GetProperty("oneSidedLowerBound").GetDouble() > failed.GetProperty("bound").GetDouble(), failed.ToString());
        Assert.True(failed.GetProperty("pValue").GetDouble() <= 0.05);
        Assert.True(passed.GetProperty("measured").GetDouble() <= passed.GetProperty("bound").GetDouble());
    }

    [Fact]
    public void The_text_output_prints_the_one_sided_bound_of_each_verdict()
    {
        var run = Evaluate(new Dictionary<string, string?>(), "--max-drop", "auc=0.05", "--max-relative-drop", "auc=0.2");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"failed\s+auc 0\.\d+ against baseline 0\.\d+: a drop of 0\.\d+ exceeds the allowed drop 0\.05 on holdout\.csv\. The paired bootstrap against the baseline model confirms it: its one-sided 95 % lower bound of the drop is 0\.\d+, above 0\.05 \(p = 0\.\d+\)\.", run.Stdout);
        Assert.Matches(@"passed\s+auc .*: a relative drop of 0\.2\d+ exceeds the allowed relative drop 0\.2 on holdout\.csv, but the paired bootstrap against the baseline model does not show a real regression: its one-sided 95 % lower bound of the relative drop is 0\.1\d+, within 0\.2 \(p = 0\.\d+, needed ≤ 0\.05\); the threshold passes\.", run.Stdout);
    }

    [Fact]
    public void Progress_lines_at_each_phase_go_to_stderr_with_MODELGATES_PROGRESS_1()
    {
        var run = Evaluate(new Dictionary<string, string?> { ["MODELGATES_PROGRESS"] = "1" }, "--max-drop", "auc=0.05", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Stderr.Split('\n');
        var at = Phases.Select(phase => Array.FindIndex(lines, l => l.Contains(phase, StringComparison.Ordinal))).ToList();
        Assert.True(at.All(i => i >= 0), run.Stderr);
        Assert.Equal([.. at.Order()], at);

        // stdout stays the JSON result, byte for byte the same as without progress.
        var quiet = Evaluate(new Dictionary<string, string?> { ["MODELGATES_PROGRESS"] = null }, "--max-drop", "auc=0.05", "--format", "json");
        Assert.Equal(quiet.Stdout, run.Stdout);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public void No_progress_when_stderr_is_not_a_terminal_or_MODELGATES_PROGRESS_is_0(string? setting)
    {
        var run = Evaluate(new Dictionary<string, string?> { ["MODELGATES_PROGRESS"] = setting }, "--max-drop", "auc=0.05", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void A_model_gate_of_check_passes_its_evaluation_progress_through()
    {
        var config = pair.Directory.Write("modelgates.json", $$"""
            {
              "schemaVersion": 1,
              "datasets": { "holdout": { "path": "{{pair.Models.HoldoutCsv.Replace('\\', '/')}}" } },
              "models": {
                "outcome": {
                  "model": "{{pair.Models.Challenger.Replace('\\', '/')}}",
                  "baselineModel": "{{pair.Models.Champion.Replace('\\', '/')}}",
                  "data": "holdout",
                  "task": "binary",
                  "label": "Outcome",
                  "positiveClass": "yes",
                  "bootstrap": { "resamples": 300 },
                  "metrics": { "auc": { "maxDrop": 0.5 } }
                }
              }
            }
            """);

        var run = CliRunner.RunWith(new Dictionary<string, string?> { ["MODELGATES_PROGRESS"] = "1" }, pair.Directory.Path, "check", "--config", config, "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(Phases, phase => Assert.Contains($"model 'outcome': {phase}", run.Stderr, StringComparison.Ordinal));
        var quiet = CliRunner.RunWith(new Dictionary<string, string?> { ["MODELGATES_PROGRESS"] = null }, pair.Directory.Path, "check", "--config", config, "--format", "json");
        Assert.Equal(string.Empty, quiet.Stderr);
    }

    private CliResult Evaluate(Dictionary<string, string?> environment, params string[] options) =>
        CliRunner.RunWith(environment, RepoPaths.Root, [
            "evaluate", "--model", pair.Models.Challenger, "--baseline-model", pair.Models.Champion, "--data", pair.Models.HoldoutCsv,
            "--label", "Outcome", "--positive-class", "yes", "--require-significant-regression", "--resamples", "300", .. options]);

    /// <summary>The champion and the challenger, trained once for the class.</summary>
    public sealed class TrainedPair : IDisposable
    {
        public TrainedPair() => Models = ChampionChallenger.Train(Directory.Path);

        internal TempDirectory Directory { get; } = new();

        internal ChampionChallenger Models { get; }

        public void Dispose() => Directory.Dispose();
    }
}
