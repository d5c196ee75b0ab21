using ModelGates.Drift.Engine.Effects;
using ModelGates.Statistics;

namespace ModelGates.Tests.Drift.Engine;

public sealed class WeightedPointsTests
{
    [Theory]
    [InlineData(5_000, 1024, 1.0)]
    [InlineData(5_000, 1024, 0.01)]
    [InlineData(20_000, 64, 0.3)]
    [InlineData(3, 2, 1.0)]
    [InlineData(1_000, 1024, 1.0)]
    public void Compressing_straight_from_sorted_values_equals_collapsing_ties_then_compressing(int n, int maxPoints, double rounding)
    {
        var random = new SeededRandom((ulong)n + (ulong)maxPoints);
        var values = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextGaussian() / rounding) * rounding).ToArray();
        values[0] = -0.0;
        values[1 % n] = 0.0;
        Array.Sort(values);

        var expected = WeightedPoints.Unweighted(values).Compress(maxPoints);
        var actual = WeightedPoints.CompressedFromSorted(values, maxPoints);

        Assert.Equal(expected.Values.Select(BitConverter.DoubleToInt64Bits), actual.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Weights, actual.Weights);
        var points = WeightedPoints.Unweighted(values);
        var (mean, deviation) = WeightedPoints.MomentsOfSorted(values);
        Assert.Equal(BitConverter.DoubleToInt64Bits(points.Mean()), BitConverter.DoubleToInt64Bits(mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(points.PopulationStandardDeviation()), BitConverter.DoubleToInt64Bits(deviation));
    }
}
