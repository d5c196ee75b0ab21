using ModelGates.Profiles;
using ModelGates.Profiles.Streaming;
using ModelGates.Statistics;

namespace ModelGates.Tests.Profiles.Streaming;

/// <summary>The streamed sketch's rank error holds against the exact empirical CDF, and it depends on the values alone.</summary>
public sealed class StreamingQuantilesTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void The_rank_error_bounds_the_exact_cdf_everywhere(int decimals)
    {
        var values = Gaussian(300_000, seed: 11, decimals);
        const int leaf = 4096;
        const int tree = 256;
        const int points = 128;
        var column = new StreamingNumericColumn(leaf, tree);
        column.Add(values);
        var result = column.Finish(points);

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var sketch = result.Sketch;
        Assert.Equal(sorted.Length, sketch.Count);
        var worst = MaxCdfError(sketch, sorted);
        Assert.True(worst <= sketch.RankError + 1e-12, $"CDF off by {worst}, bound {sketch.RankError}");

        // The documented bound: (⌊log₂ leaves⌋ + 2)/tree for the tree and 1/points for the last compression.
        var leaves = (int)Math.Ceiling(sorted.Length / (double)leaf);
        var levels = (int)Math.Floor(Math.Log2(leaves)) + 2;
        Assert.True(sketch.RankError <= (levels / (double)tree) + (1.0 / points) + 1e-15, $"rank error {sketch.RankError} above the documented bound");
        Assert.False(sketch.IsExact);

        Assert.Equal(sorted[0], result.Min);
        Assert.Equal(sorted[^1], result.Max);
        var exact = NumericColumnProfiler.MomentsOf(sorted);
        Assert.Equal(exact.Count, result.Moments.Count);
        Assert.Equal(exact.Mean, result.Moments.Mean, 1e-12 * Math.Max(1, Math.Abs(exact.Mean)));
        Assert.True(Math.Abs(result.Moments.M2 - exact.M2) <= 1e-11 * exact.M2, $"M2 {result.Moments.M2} vs {exact.M2}");
    }

    [Fact]
    public void The_sketch_depends_on_the_values_not_on_how_they_arrive()
    {
        var values = Gaussian(100_000, seed: 3, decimals: 3);
        var a = new StreamingNumericColumn(2048, 128);
        var b = new StreamingNumericColumn(2048, 128);
        for (var i = 0; i < values.Length; i += 1000)
        {
            a.Add(values.AsSpan(i, Math.Min(1000, values.Length - i)));
        }

        for (var i = 0; i < values.Length; i += 777)
        {
            b.Add(values.AsSpan(i, Math.Min(777, values.Length - i)));
        }

        var (x, y) = (a.Finish(64), b.Finish(64));
        Assert.Equal(x.Sketch.Values, y.Sketch.Values);
        Assert.Equal(x.Sketch.Weights, y.Sketch.Weights);
        Assert.Equal(x.Sketch.RankError, y.Sketch.RankError);
        Assert.Equal(x.Moments, y.Moments);
        Assert.Equal(x.Registers, y.Registers);
    }

    [Fact]
    public void Few_distinct_values_stay_exact_through_the_tree()
    {
        var random = new SeededRandom(5);
        var values = Enumerable.Range(0, 200_000).Select(_ => (double)random.NextInt64(300)).ToArray();
        var column = new StreamingNumericColumn(4096, 512);
        column.Add(values);
        var result = column.Finish(512);

        Assert.True(result.Sketch.IsExact);
        Assert.Equal(300, result.Sketch.Values.Count);
        Assert.Equal(300, result.ExactDistinct);
        foreach (var value in new[] { 0.0, 17, 150, 299 })
        {
            Assert.Equal(values.Count(v => v == value), result.Sketch.Weights[(int)value]);
        }
    }

    [Fact]
    public void Bin_counts_of_the_second_pass_equal_binary_searches_on_sorted_values()
    {
        var values = Gaussian(50_000, seed: 21, decimals: 1);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var histogramEdges = Histogram.EqualWidthEdges(sorted[0], sorted[^1], 20);
        double[] referenceEdges = [-1, -0.5, 0, 0.3, 1.2];
        var counts = new StreamingBinCounts(histogramEdges, referenceEdges, -2, 2);
        counts.Add(values);

        Assert.Equal(SortedValues.BinCounts(sorted, referenceEdges), counts.Reference);
        for (var i = 0; i < 20; i++)
        {
            var lower = SortedValues.FirstAtOrAbove(sorted, histogramEdges[i]);
            var upper = i == 19 ? sorted.Length : SortedValues.FirstAtOrAbove(sorted, histogramEdges[i + 1]);
            Assert.Equal(upper - lower, counts.Histogram[i]);
        }

        Assert.Equal(sorted.Count(v => v < -2), counts.Below);
        Assert.Equal(sorted.Count(v => v > 2), counts.Above);
    }

    /// <summary>The largest |F̂(x) − F(x)| over the distinct values, where the step functions change.</summary>
    internal static double MaxCdfError(QuantileSketch sketch, double[] sorted)
    {
        double worst = 0;
        long below = 0;
        var point = 0;
        long pointWeight = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i + 1 < sorted.Length && sorted[i + 1] == sorted[i])
            {
                continue;
            }

            while (point < sketch.Values.Count && sketch.Values[point] <= sorted[i])
            {
                pointWeight += sketch.Weights[point++];
            }

            below = i + 1;
            worst = Math.Max(worst, Math.Abs((double)pointWeight - below) / sorted.Length);
        }

        return worst;
    }

    private static double[] Gaussian(int n, ulong seed, int decimals)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, n).Select(_ => Math.Round(random.NextGaussian(), decimals)).ToArray();
    }
}
