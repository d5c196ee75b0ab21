using ModelGates.Drift;

namespace ModelGates.Tests.Drift;

/// <summary>Frequency weights mean repetition: a sample with integer weights equals the expanded sample.</summary>
public sealed class WeightedSampleTests
{
    public static TheoryData<string> WeightedIds()
    {
        var data = new TheoryData<string>();
        foreach (var test in DriftTestRegistry.All.Where(t => t.AcceptsWeights))
        {
            data.Add(test.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WeightedIds))]
    public void Integer_weights_equal_repetition(string id)
    {
        var test = DriftTestRegistry.Get(id);
        double[] points = [-1.5, -0.25, 0.0, 0.75, 2.0, 3.5];
        double[] weights = [3, 1, 7, 2, 5, 4];
        var expanded = points.SelectMany((v, i) => Enumerable.Repeat(v, (int)weights[i])).ToArray();
        var current = NumericSample.FromUnsorted(DriftOracle.Sample("normal_30b"));

        var weighted = test.Compute(NumericSample.FromSorted(points, weights), current);
        var repeated = test.Compute(NumericSample.FromSorted(expanded), current);
        Assert.True(Math.Abs(weighted.Statistic - repeated.Statistic) <= 1e-12 * Math.Abs(repeated.Statistic), $"{id}: {weighted.Statistic:R} vs {repeated.Statistic:R}");
        Assert.Equal(repeated.PValue.HasValue, weighted.PValue.HasValue);
        if (repeated.PValue is { } p)
        {
            Assert.True(Math.Abs(weighted.PValue!.Value - p) <= 1e-12 * p, $"{id}: p {weighted.PValue:R} vs {p:R}");
        }

        // Current side weighted too.
        var both = test.Compute(current, NumericSample.FromSorted(points, weights));
        var bothRepeated = test.Compute(current, NumericSample.FromSorted(expanded));
        Assert.True(Math.Abs(both.Statistic - bothRepeated.Statistic) <= 1e-12 * Math.Abs(bothRepeated.Statistic), id);
    }

    [Fact]
    public void Scaling_all_weights_of_a_side_changes_no_distance()
    {
        var current = NumericSample.FromUnsorted(DriftOracle.Sample("normal_30b"));
        double[] points = [-1.5, -0.25, 0.0, 0.75, 2.0, 3.5];
        double[] weights = [0.3, 0.1, 0.7, 0.2, 0.5, 0.4];
        foreach (var id in new[] { "wasserstein", "ed" })
        {
            var test = DriftTestRegistry.Get(id);
            var small = test.Compute(NumericSample.FromSorted(points, weights), current);
            var large = test.Compute(NumericSample.FromSorted(points, weights.Select(w => w * 1000).ToArray()), current);
            Assert.True(Math.Abs(small.Statistic - large.Statistic) <= 1e-12 * large.Statistic, id);
        }
    }
}
