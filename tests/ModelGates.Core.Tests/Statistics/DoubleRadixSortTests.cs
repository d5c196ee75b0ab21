using ModelGates.Statistics;

namespace ModelGates.Tests.Statistics;

/// <summary>The radix sort behind sorted column values agrees with Array.Sort on every kind of double.</summary>
public sealed class DoubleRadixSortTests
{
    [Theory]
    [InlineData(0, 1UL)]
    [InlineData(10, 2UL)]
    [InlineData(1_000, 3UL)]
    [InlineData(200_000, 4UL)]
    public void Sorts_like_Array_Sort(int n, ulong seed)
    {
        var random = new SeededRandom(seed);
        double[] specials = [0.0, -0.0, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 1e-300, -1e300, 42, 42];
        var values = Enumerable.Range(0, n).Select(i => (i % 7) switch
        {
            0 => specials[random.NextInt64(specials.Length)],
            1 => Math.Round(random.NextGaussian() * 10),
            2 => random.NextInt64(5),
            _ => random.NextGaussian() * Math.Pow(10, random.NextInt64(20) - 10),
        }).ToArray();
        var expected = values.ToArray();
        Array.Sort(expected);

        DoubleRadixSort.Sort(values);

        // -0 and +0 compare equal; everything else must be the same value at the same place.
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(expected[i] == values[i], $"at {i}: {values[i]:R} vs {expected[i]:R}");
        }
    }

    [Theory]
    [InlineData(1L << 11, false)]
    [InlineData(1L << 22, false)]
    [InlineData(1L << 33, true)]
    [InlineData(1L << 44, false)]
    [InlineData(1L << 52, true)]
    public void Sorts_values_that_differ_in_one_to_five_digits(long spread, bool negative)
    {
        // Values a few ulps apart share their high digits, so only some passes move keys; odd and even
        // numbers of moving passes end in different buffers.
        var random = new SeededRandom((ulong)spread);
        var start = BitConverter.DoubleToInt64Bits(negative ? -1.5 : 1.5);
        var values = Enumerable.Range(0, 5_000).Select(_ => BitConverter.Int64BitsToDouble(start + random.NextInt64(spread))).ToArray();
        var expected = values.ToArray();
        Array.Sort(expected);

        DoubleRadixSort.Sort(values);

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), values.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_column_of_one_value_is_left_as_it_is()
    {
        var values = Enumerable.Repeat(3.5, 5_000).ToArray();
        DoubleRadixSort.Sort(values);
        Assert.All(values, v => Assert.Equal(3.5, v));
    }
}
