using ModelGates.Statistics;

namespace ModelGates.Profiles;

/// <summary>
/// Summarises the non-missing values of one numeric column: one sort, then everything from the sorted
/// values — moments (so the same bytes whatever the row order or thread count), extremes, the exact
/// distinct count, the quantile sketch, the reference bins and the histogram, all counted exactly by
/// binary search on the sorted values.
/// </summary>
internal static class NumericColumnProfiler
{
    /// <summary>What the profiler found.</summary>
    /// <param name="Summary">The numeric summary of the profile.</param>
    /// <param name="Distinct">The exact distinct count, with registers when the sketch does not list every value.</param>
    public sealed record Result(NumericSummary Summary, DistinctSketch Distinct);

    /// <summary>Profiles <paramref name="values"/> (finite, file order). The array is sorted in place.</summary>
    public static Result Profile(Span<double> values, ProfileSettings settings)
    {
        if (values.Length == 0)
        {
            return new Result(
                new NumericSummary(double.NaN, double.NaN, Moments.Empty, QuantileSketch.Empty, Histogram.Empty, new ReferenceBins([], [0])),
                DistinctSketch.Exact(0, null, null));
        }

        DoubleRadixSort.Sort(values);
        var moments = MomentsOf(values);
        var (sketch, bins, distinct) = SketchAndBins(values, settings);
        var histogramEdges = Histogram.EqualWidthEdges(values[0], values[^1], settings.HistogramBins);
        var summary = new NumericSummary(
            values[0],
            values[^1],
            moments,
            sketch,
            new Histogram(histogramEdges, HistogramCounts(values, histogramEdges)),
            bins);
        var registers = sketch.IsExact ? null : ValueHash.RegistersOfSorted(values);
        return new Result(summary, DistinctSketch.Exact(distinct, registers, registers is null ? null : ValueHash.NumericHashId));
    }

    /// <summary>
    /// The quantile sketch and frozen reference bins of sorted values, with the number of distinct values:
    /// exact value counts when there are fewer than 4 × points values or at most points distinct values,
    /// otherwise the mid-share order statistics; bins at the sketch's deciles, outer bins open. Drift against
    /// raw reference data uses the same rule, so it bins exactly as against a profile.
    /// </summary>
    internal static (QuantileSketch Sketch, ReferenceBins Bins, long Distinct) SketchAndBins(ReadOnlySpan<double> sorted, ProfileSettings settings)
    {
        if (sorted.Length == 0)
        {
            return (QuantileSketch.Empty, new ReferenceBins([], [0]), 0);
        }

        var distinct = SortedValues.DistinctCount(sorted);
        var sketch = distinct <= settings.QuantilePoints || sorted.Length < 4L * settings.QuantilePoints
            ? QuantileSketch.FromValueCounts(Runs(sorted, distinct), settings.QuantilePoints)
            : QuantileSketch.FromMidpoints(Midpoints(sorted, settings.QuantilePoints), sorted.Length);
        var edges = ReferenceBins.EdgesFrom(Enumerable.Range(1, settings.DriftBins - 1).Select(k => sketch.Quantile((double)k / settings.DriftBins)));
        return (sketch, new ReferenceBins(edges, SortedValues.BinCounts(sorted, edges)), distinct);
    }

    /// <summary>
    /// Count, mean and sum of squared deviations by the corrected two-pass algorithm (Chan, Golub and
    /// LeVeque): the mean from a blocked sum, then the squared deviations with the sum of the deviations
    /// correcting the mean's rounding. Each pass adds four independent running sums per block of 1,024
    /// values and the blocks with Neumaier's compensation: the error of a few roundings, where Welford's
    /// update divides once per value in one dependent chain. Deterministic for a given order; the
    /// profiler passes sorted values, so the result does not depend on the row order either.
    /// </summary>
    public static Moments MomentsOf(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return Moments.Empty;
        }

        var n = values.Length;
        var mean = BlockedSums.Sum(values) / n;
        var (deviations, squares) = BlockedSums.DeviationSums(values, mean);
        return new Moments(n, mean + (deviations / n), Math.Max(0, squares - (deviations * deviations / n)));
    }

    /// <summary>Each distinct value of sorted values with its count; only built when the sketch lists them.</summary>
    internal static List<(double Value, long Count)> Runs(ReadOnlySpan<double> sorted, int distinct)
    {
        var runs = new List<(double Value, long Count)>(distinct);
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] != sorted[start])
            {
                runs.Add((sorted[start], i - start));
                start = i;
            }
        }

        return runs;
    }

    /// <summary>The exact order statistic in the middle of each of <paramref name="points"/> equal shares.</summary>
    internal static double[] Midpoints(ReadOnlySpan<double> sorted, int points)
    {
        var midpoints = new double[points];
        for (var i = 0; i < points; i++)
        {
            midpoints[i] = sorted[(int)Math.Floor((i + 0.5) * sorted.Length / points)];
        }

        return midpoints;
    }

    /// <summary>Counts per bin [e_i, e_{i+1}), the last bin holding its upper edge too.</summary>
    private static long[] HistogramCounts(ReadOnlySpan<double> sorted, double[] edges)
    {
        var bins = edges.Length - 1;
        var counts = new long[bins];
        for (var i = 0; i < bins; i++)
        {
            var lower = SortedValues.FirstAtOrAbove(sorted, edges[i]);
            var upper = i == bins - 1 ? sorted.Length : SortedValues.FirstAtOrAbove(sorted, edges[i + 1]);
            counts[i] = upper - lower;
        }

        return counts;
    }
}
