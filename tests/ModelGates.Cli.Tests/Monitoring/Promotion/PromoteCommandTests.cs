using System.Text.RegularExpressions;
using ModelGates.Testing;
using ModelGates.Tests.Monitoring.Promotion;

namespace ModelGates.Cli.Tests.Monitoring.Promotion;

/// <summary><c>modelgates promote</c> on seeded credit models: its exit codes (0, 1, 2, 3) and its text and JSON output.</summary>
public sealed class PromoteCommandTests(TrainedCreditModels trained) : IClassFixture<TrainedCreditModels>
{
    private readonly CreditModels models = trained.Models;

    [Fact]
    public void A_promotion_exits_0_and_says_which_files_it_wrote()
    {
        using var workspace = new PromotionWorkspace(models);

        var run = Promote(workspace, "--challenger", models.Good);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(new Regex(@"^promote 'credit-risk': challenger .*good\.zip against champion model/credit-risk\.zip on auc \(margin 0\.06, slice margin 0\.2\)$", RegexOptions.Multiline), run.Stdout);
        Assert.Matches(new Regex(@"^  holdout \(827 rows\): champion 0\.\d+, challenger 0\.\d+, difference -?0\.\d+, 95 % interval \[-?0\.\d+, -?0\.\d+\]$", RegexOptions.Multiline), run.Stdout);
        foreach (var rule in new[] { "absolute gates", "margin", "slices", "data gates" })
        {
            Assert.Matches(new Regex($"^  passed   {rule}: ", RegexOptions.Multiline), run.Stdout);
        }

        Assert.Contains("PROMOTED: wrote model/credit-risk.zip, baselines/credit-risk.baseline.json, modelgates.lock.json, .modelgates/history.duckdb", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("MG6035", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(models.Good), File.ReadAllBytes(workspace.Model));
    }

    [Fact]
    public void A_refusal_exits_1_with_the_rule_s_code_in_JSON_and_writes_nothing()
    {
        using var workspace = new PromotionWorkspace(models);
        var before = workspace.Snapshot();

        var run = Promote(workspace, "--challenger", models.Worse, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["MG6031"], run.Codes());
        var json = run.Json();
        Assert.Equal("promote", json.GetProperty("command").GetString());
        Assert.False(json.GetProperty("promoted").GetBoolean());
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Equal("auc", json.GetProperty("metric").GetString());
        Assert.Equal(0.06, json.GetProperty("margin").GetDouble());
        var rules = json.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("rule").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["absoluteGates"] = "passed", ["margin"] = "refused", ["slices"] = "passed", ["dataGates"] = "passed" }, rules);
        var comparison = Assert.Single(json.GetProperty("comparisons").EnumerateArray().ToList());
        Assert.True(comparison.GetProperty("improvementLowerBound").GetDouble() < -0.06);
        var diagnostic = json.GetProperty("diagnostics")[0];
        Assert.Equal("modelgates.json", Path.GetFileName(diagnostic.GetProperty("file").GetString()));
        Assert.Equal(0, json.GetProperty("written").GetArrayLength());
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void The_command_line_margin_overrides_the_config()
    {
        using var workspace = new PromotionWorkspace(models);

        var run = Promote(workspace, "--challenger", models.Worse, "--margin", "0.5", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0.5, run.Json().GetProperty("margin").GetDouble());
        Assert.Equal(["MG6035"], run.Codes());
    }

    [Theory]
    [InlineData("--gate|credit", 2, "MG6040")]
    [InlineData("--margin|-0.1", 2, "MG0004")]
    [InlineData("--margin|small", 2, "MG0004")]
    [InlineData("--metric|acu", 2, "MG0004")]
    [InlineData("--challenger-missing", 3, "MG6041")]
    [InlineData("--history-broken", 3, "MG6042")]
    public void Usage_and_unreadable_inputs_exit_2_and_3_with_their_codes(string option, int exit, string code)
    {
        using var workspace = new PromotionWorkspace(models);
        var before = workspace.Snapshot();
        var challenger = option == "--challenger-missing" ? Path.Combine(workspace.Folder, "model", "new.zip") : models.Good;
        string[] extra = option switch
        {
            "--challenger-missing" => [],
            "--history-broken" => ["--history", workspace.Config],
            _ => option.Split('|'),
        };

        var run = Promote(workspace, ["--challenger", challenger, "--format", "json", .. extra]);

        Assert.True(run.ExitCode == exit, run.ToString());
        Assert.Equal(code, run.Codes()[0]);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void A_missing_challenger_option_is_a_usage_error()
    {
        using var workspace = new PromotionWorkspace(models);

        var run = Promote(workspace);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("MG0003", run.Stderr, StringComparison.Ordinal);
    }

    private static CliResult Promote(PromotionWorkspace workspace, params string[] args) =>
        CliRunner.Run(workspace.Folder, ["promote", "--config", workspace.Config, .. args]);
}
