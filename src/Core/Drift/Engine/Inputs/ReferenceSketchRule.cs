using ModelGates.Profiles;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// Builds from sorted raw values the quantile sketch and frozen bins that <see cref="ProfileBuilder"/>
/// stores for the same column, by the same rule (docs/profiles.md): exact value counts when there are
/// fewer than 4 × points values or at most points distinct values, otherwise the mid-share order
/// statistics; bins at the sketch's deciles, duplicates removed, outer bins open. Binned drift tests
/// against raw reference data and against its profile therefore count over identical bins.
/// </summary>
internal static class ReferenceSketchRule
{
    public static (QuantileSketch Sketch, ReferenceBins Bins, long Distinct) From(double[] sorted, ProfileSettings settings)
    {
        var points = settings.QuantilePoints;
        var distinct = CountDistinct(sorted);
        QuantileSketch sketch;
        if (sorted.Length == 0)
        {
            sketch = QuantileSketch.Empty;
        }
        else if (sorted.Length < 4L * points || distinct <= points)
        {
            sketch = QuantileSketch.FromValueCounts(ValueCounts(sorted), points);
        }
        else
        {
            // The 1-based ranks ProfileBuilder selects with list_select over the sorted column.
            var midpoints = new double[points];
            for (var i = 0; i < points; i++)
            {
                var rank = (long)Math.Floor((i + 0.5) * sorted.Length / points) + 1;
                midpoints[i] = sorted[rank - 1];
            }

            sketch = QuantileSketch.FromMidpoints(midpoints, sorted.Length);
        }

        if (sorted.Length == 0)
        {
            return (sketch, new ReferenceBins([], [0]), 0);
        }

        var edges = ReferenceBins.EdgesFrom(Enumerable.Range(1, settings.DriftBins - 1).Select(k => sketch.Quantile((double)k / settings.DriftBins)));
        return (sketch, new ReferenceBins(edges, BinCounts(sorted, edges)), distinct);
    }

    /// <summary>Counts sorted values into the bins of <paramref name="edges"/>: bin i holds [edge i−1, edge i).</summary>
    public static long[] BinCounts(ReadOnlySpan<double> sorted, IReadOnlyList<double> edges)
    {
        var counts = new long[edges.Count + 1];
        var start = 0;
        for (var i = 0; i < edges.Count; i++)
        {
            var end = FirstAtOrAbove(sorted, edges[i]);
            counts[i] = end - start;
            start = end;
        }

        counts[edges.Count] = sorted.Length - start;
        return counts;
    }

    /// <summary>The index of the first value at or above <paramref name="bound"/> (the count of values below it).</summary>
    public static int FirstAtOrAbove(ReadOnlySpan<double> sorted, double bound)
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < bound)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index just past the last value at or below <paramref name="bound"/> (the count of values at or below it).</summary>
    public static int PastAtOrBelow(ReadOnlySpan<double> sorted, double bound)
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= bound)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static long CountDistinct(double[] sorted)
    {
        long distinct = sorted.Length > 0 ? 1 : 0;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }

    private static List<(double Value, long Count)> ValueCounts(double[] sorted)
    {
        var counts = new List<(double Value, long Count)>();
        var i = 0;
        while (i < sorted.Length)
        {
            var j = i + 1;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            counts.Add((sorted[i], j - i));
            i = j;
        }

        return counts;
    }
}
