using ModelGates.Data;
using ModelGates.Drift.Engine.Effects;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Profiles;
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
    }

    [Fact]
    public void A_raw_reference_has_its_profiles_mean_and_standard_deviation_bit_for_bit()
    {
        var random = new SeededRandom(21);
        var values = Enumerable.Range(0, 50_000).Select(_ => 1e6 + (random.NextGaussian() * 3)).ToArray();
        Array.Sort(values);

        var raw = RawReferenceReader.FromSortedValues("x", ColumnKind.Numeric, "DOUBLE", values.ToArray(), 0, ProfileSettings.Default);
        var profiled = NumericColumnProfiler.Profile(values.ToArray(), ProfileSettings.Default).Summary.Moments;

        Assert.Equal(BitConverter.DoubleToInt64Bits(profiled.Mean), BitConverter.DoubleToInt64Bits(raw.Mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(profiled.PopulationStandardDeviation!.Value), BitConverter.DoubleToInt64Bits(raw.PopulationStandardDeviation));
    }
}
