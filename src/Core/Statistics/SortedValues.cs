using System.Runtime.CompilerServices;

namespace ModelGates.Statistics;

/// <summary>Counting by binary search over values sorted ascending (no NaN).</summary>
internal static class SortedValues
{
    /// <summary>The number of distinct values (−0 and +0 are one value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int DistinctCount(ReadOnlySpan<double> sorted)
    {
        var distinct = sorted.IsEmpty ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }

        return distinct;
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

    /// <summary>Counts per bin of <paramref name="edges"/>: (−∞, e₁), [e₁, e₂), …, [e_k, +∞).</summary>
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
}
