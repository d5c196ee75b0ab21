using ModelGates.Gates.Config;
using ModelGates.Monitoring.Promotion;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Promotion;

/// <summary>
/// Promotion as a truth table over real seeded ML.NET models of the credit data: each challenger passes or fails
/// exactly the rules it should, each refusal carries its rule's MG code, and a refusal changes no file.
/// </summary>
public sealed class PromotionTruthTableTests(TrainedCreditModels trained) : IClassFixture<TrainedCreditModels>
{
    private readonly CreditModels models = trained.Models;

    [Theory]
    //          challenger  absolute  margin  slices  data    codes
    [InlineData("good",     true,     true,   true,   true,   "MG6035")]
    [InlineData("worse",    true,     false,  true,   true,   "MG6031")]
    [InlineData("slice",    true,     true,   false,  true,   "MG6032")]
    [InlineData("breaker",  false,    true,   true,   true,   "MG6030")]
    public void Each_challenger_passes_exactly_the_rules_it_should(string challenger, bool absolute, bool margin, bool slices, bool data, string codes)
    {
        using var workspace = new PromotionWorkspace(models);
        var before = workspace.Snapshot();

        var result = Promote(workspace, Challenger(challenger));

        Assert.Equal([absolute, margin, slices, data], result.Rules.Select(r => r.Passed));
        Assert.Equal(["absoluteGates", "margin", "slices", "dataGates"], result.Rules.Select(r => r.Rule));
        Assert.Equal(codes.Split(','), result.Diagnostics.Select(d => d.Code).Distinct());
        Assert.Equal(absolute && margin && slices && data, result.Promoted);
        if (!result.Promoted)
        {
            // A refusal writes nothing: not a byte of any file, not even the history.
            Assert.Equal(before, workspace.Snapshot());
            Assert.False(File.Exists(workspace.History));
            Assert.Empty(result.Written);
            Assert.All(result.Diagnostics, d => Assert.Equal(workspace.Config, d.File));
        }
    }

    [Fact]
    public void The_margin_rule_judges_the_lower_end_of_the_paired_interval_against_minus_the_margin()
    {
        using var workspace = new PromotionWorkspace(models);

        var worse = Promote(workspace, models.Worse);
        var good = Promote(workspace, models.Good, margin: 0.0);

        var w = Assert.Single(worse.Comparisons);
        Assert.True(w.Lower < w.Difference && w.Difference < w.Upper, w.ToString());
        Assert.Equal(w.Lower, w.ImprovementLowerBound);
        Assert.True(w.ImprovementLowerBound < -worse.Margin);
        var refusal = Assert.Single(worse.Diagnostics);
        Assert.Equal(w.ImprovementLowerBound, refusal.Measured!.Value.Number);
        Assert.Equal(-0.06, refusal.Bound!.Value.Number);

        // The better challenger's whole interval is above 0: promoted even with no margin at all.
        var g = Assert.Single(good.Comparisons);
        Assert.True(g.ImprovementLowerBound >= 0, g.ToString());
        Assert.True(good.Promoted);
    }

    [Fact]
    public void A_window_that_breaks_the_data_gates_refuses_with_MG6033_and_changes_nothing()
    {
        using var workspace = new PromotionWorkspace(models);
        var before = workspace.Snapshot();

        var result = Promote(workspace, models.Good, window: RepoPaths.Combine("samples", "data", "drifted", "credit_drifted.csv"));

        Assert.Equal(["holdout", "window"], result.Comparisons.Select(c => c.Data));
        var data = Assert.Single(result.Rules, r => r.Rule == "dataGates");
        Assert.False(data.Passed);
        var refusals = result.Diagnostics.Where(d => d.Code == "MG6033").ToList();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, d => Assert.Contains("(window)", d.Message, StringComparison.Ordinal));
        Assert.False(result.Promoted);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void A_window_with_rows_that_do_not_parse_is_refused_rather_than_judged_on_part_of_it()
    {
        using var workspace = new PromotionWorkspace(models);
        var window = Path.Combine(workspace.Folder, "window.csv");
        File.WriteAllLines(window, [.. File.ReadAllLines(CreditModels.Holdout), "good,1,owner,60,36,married,no,fixed,75,214,3500,0,650,1645,surplus"]);
        var before = workspace.Snapshot();

        var result = Promote(workspace, models.Good, window: window);

        Assert.False(result.Promoted);
        var refusal = Assert.Single(result.Diagnostics, d => d.Message.Contains("rows of window do not parse", StringComparison.Ordinal));
        Assert.Equal("MG6033", refusal.Code);
        Assert.Contains("MG2001", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void A_clean_window_is_scored_and_judged_beside_the_holdout()
    {
        using var workspace = new PromotionWorkspace(models);

        var result = Promote(workspace, models.Good, window: RepoPaths.Combine("samples", "CreditRisk", "data", "scoring.csv"));

        Assert.True(result.Promoted, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        Assert.Equal(["holdout", "window"], result.Comparisons.Select(c => c.Data));
        Assert.Contains("on holdout, window", result.Rules[0].Summary, StringComparison.Ordinal);
        var record = Assert.Single(ChampionLog.Records(workspace.History, "credit-risk"));
        Assert.Contains("\"window\":", record, StringComparison.Ordinal);
    }

    private string Challenger(string name) => name switch
    {
        "good" => models.Good,
        "worse" => models.Worse,
        "slice" => models.SliceRegressor,
        _ => models.GateBreaker,
    };

    private static PromotionResult Promote(PromotionWorkspace workspace, string challenger, double? margin = null, string? window = null) =>
        ChampionPromotion.Promote(GatesConfigReader.Read(workspace.Config), new PromotionRequest
        {
            Challenger = challenger,
            Margin = margin,
            Window = window,
            Time = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero),
        });
}
