using ModelGates.Models.Evaluation;
using ModelGates.Models.Predictions;
using ModelGates.Models.Segments;
using ModelGates.Statistics;

namespace ModelGates.Tests.Models.Segments;

/// <summary>The search on synthetic per-row errors: its false-positive rate under the null, and what it reports.</summary>
public sealed class WeakSegmentSearchTests
{
    [Fact]
    public void Under_the_null_the_share_of_searches_reporting_a_segment_stays_near_alpha()
    {
        // Errors independent of every column: any segment reported is a false positive. Holm over the tested half
        // keeps the family-wise rate at most α = 0.05 per search; 60 searches expect at most 3.
        var reported = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var (predictions, features) = Synthetic(1000, (ulong)seed, weakShift: 0);
            var result = WeakSegmentSearch.Run(predictions, features, new WeakSegmentSettings(), (ulong)seed);
            Assert.True(result.Tested > 0);
            reported += result.Segments.Count > 0 ? 1 : 0;
        }

        Assert.InRange(reported, 0, 7);
    }

    [Fact]
    public void A_shifted_region_is_found_with_its_conditions_rows_and_drop()
    {
        var (predictions, features) = Synthetic(2000, 5, weakShift: 2.5);

        var result = WeakSegmentSearch.Run(predictions, features, new WeakSegmentSettings { MinRows = 60 }, 5);

        var top = result.Segments[0];
        Assert.Contains("Home = RENT", top.Description, StringComparison.Ordinal);
        Assert.Equal("rmse", result.Metric);
        Assert.Equal(60, result.MinRows);
        Assert.True(top.Drop > 0.5, top.ToString());
        Assert.True(top.AdjustedPValue >= top.PValue);
        Assert.True(top.AdjustedPValue < 1e-6, top.ToString());
        Assert.True(top.MeanLoss > result.OverallLoss);
        var again = WeakSegmentSearch.Run(predictions, features, new WeakSegmentSettings { MinRows = 60 }, 5);
        Assert.Equal(result.Segments, again.Segments);
    }

    [Fact]
    public void The_halves_are_a_seeded_partition_of_the_rows()
    {
        var (search, test) = WeakSegmentSearch.Halves(101, 9);
        var (search2, _) = WeakSegmentSearch.Halves(101, 10);

        Assert.Equal(50, search.Length);
        Assert.Equal(Enumerable.Range(0, 101), search.Concat(test).Order());
        Assert.NotEqual(search, search2);
        Assert.Equal(search, WeakSegmentSearch.Halves(101, 9).Search);
    }

    // A regression whose errors are N(0, 1), plus weakShift of extra spread where Home = RENT and Income <= 30000.
    private static (PredictionSet Predictions, IReadOnlyList<SegmentFeature> Features) Synthetic(int n, ulong seed, double weakShift)
    {
        var random = new SeededRandom(seed * 7919);
        var income = new double[n];
        var age = new double[n];
        var home = new string?[n];
        var truth = new double[n];
        var predicted = new double[n];
        string[] homes = ["OWN", "RENT", "MORTGAGE"];
        for (var i = 0; i < n; i++)
        {
            income[i] = Math.Round(10000 + (random.NextDouble() * 50000));
            age[i] = random.NextDouble() < 0.05 ? double.NaN : Math.Round(20 + (random.NextDouble() * 50));
            home[i] = homes[random.NextInt64(3)];
            truth[i] = random.NextGaussian() * 3;
            var spread = home[i] == "RENT" && income[i] <= 30000 ? 1 + weakShift : 1;
            predicted[i] = truth[i] + (random.NextGaussian() * spread);
        }

        return (new RegressionPredictionSet(new RegressionPredictions(truth, predicted)),
            [new SegmentFeature("Income", income, null), new SegmentFeature("Age", age, null), new SegmentFeature("Home", null, home)]);
    }
}
