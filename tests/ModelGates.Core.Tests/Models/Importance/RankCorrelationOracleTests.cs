using System.Text.Json;
using ModelGates.Models.Importance;

namespace ModelGates.Tests.Models.Importance;

/// <summary>Spearman's ρ and Kendall's τ-b against scipy.stats.spearmanr / kendalltau in eng/oracles/importance.json.</summary>
public sealed class RankCorrelationOracleTests
{
    public static TheoryData<string> Cases() => [.. Load().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rank_correlations_match_scipy(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);
        var x = c.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var y = c.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(c.GetProperty("spearman").GetDouble(), RankCorrelation.Spearman(x, y), 1e-12);
        Assert.Equal(c.GetProperty("kendall").GetDouble(), RankCorrelation.KendallTauB(x, y), 1e-12);
    }

    [Fact]
    public void A_constant_sample_has_no_correlation()
    {
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1], [2])));
    }

    [Fact]
    public void Shift_counts_columns_entering_and_leaving_the_top_k()
    {
        var current = new Dictionary<string, double> { ["a"] = 0.3, ["b"] = 0.2, ["c"] = 0.1, ["d"] = 0.0 };
        var baseline = new Dictionary<string, double> { ["a"] = 0.3, ["d"] = 0.2, ["c"] = 0.1, ["b"] = 0.0 };
        var (correlation, columns, entered, left) = ImportanceShift.Compare(current, baseline, 2, RankCorrelationMethod.Spearman);
        Assert.Equal(4, columns);
        Assert.Equal(["b"], entered);
        Assert.Equal(["d"], left);
        Assert.Equal(RankCorrelation.Spearman([0.3, 0.2, 0.1, 0.0], [0.3, 0.0, 0.1, 0.2]), correlation);
    }

    private static List<JsonElement> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "oracles", "importance.json")));
        return [.. document.RootElement.GetProperty("rankCorrelation").EnumerateArray().Select(e => e.Clone())];
    }
}
