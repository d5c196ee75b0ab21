using ModelGates.Profiles;
using ModelGates.Statistics;

namespace ModelGates.Tests.Statistics;

public sealed class BlockedSumsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_023)]
    [InlineData(1_025)]
    [InlineData(300_001)]
    public void Sums_are_within_a_few_roundings_of_the_exact_sum(int n)
    {
        var random = new SeededRandom((ulong)n);
        var values = Enumerable.Range(0, n).Select(_ => (random.NextGaussian() * 1e6) + 1e9).ToArray();

        var exact = ExactSum(values);
        Assert.True(Math.Abs(BlockedSums.Sum(values) - exact) <= 1e-15 * Math.Abs(exact), $"{BlockedSums.Sum(values)} vs {exact}");
    }

    [Fact]
    public void Moments_of_a_large_offset_sample_keep_the_variance_that_naive_sums_of_squares_lose()
    {
        // Variance 1 around 1e9: E[x²] − E[x]² would lose every digit; the two-pass algorithm keeps them.
        var random = new SeededRandom(3);
        var values = Enumerable.Range(0, 100_000).Select(_ => 1e9 + random.NextGaussian()).ToArray();
        var exactMean = ExactSum(values) / values.Length;
        var exactM2 = ExactSum(values.Select(v => (v - exactMean) * (v - exactMean)).ToArray());

        var moments = NumericColumnProfiler.MomentsOf(values);

        Assert.Equal(values.Length, moments.Count);
        Assert.True(Math.Abs(moments.Mean - exactMean) <= 1e-15 * exactMean);
        Assert.True(Math.Abs(moments.M2 - exactM2) <= 1e-9 * exactM2, $"{moments.M2} vs {exactM2}");
    }

    [Fact]
    public void Moments_of_constant_values_have_no_spread()
    {
        var moments = NumericColumnProfiler.MomentsOf(Enumerable.Repeat(0.1, 5_000).ToArray());

        Assert.Equal(0.1, moments.Mean, 15);
        Assert.Equal(0, moments.M2);
    }

    /// <summary>Shewchuk's exact running sum (as Python's math.fsum): a list of non-overlapping partials.</summary>
    private static double ExactSum(double[] values)
    {
        var partials = new List<double>();
        foreach (var value in values)
        {
            var x = value;
            var kept = 0;
            for (var i = 0; i < partials.Count; i++)
            {
                var y = partials[i];
                if (Math.Abs(x) < Math.Abs(y))
                {
                    (x, y) = (y, x);
                }

                var high = x + y;
                var low = y - (high - x);
                if (low != 0)
                {
                    partials[kept++] = low;
                }

                x = high;
            }

            partials.RemoveRange(kept, partials.Count - kept);
            partials.Add(x);
        }

        return partials.Sum();
    }
}
