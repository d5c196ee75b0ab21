namespace ModelGates.Models.Intervals;

/// <summary>
/// The one-sided bootstrap test of "worse by at most the allowance" and the confidence bound that goes with it,
/// over the resamples' drops (positive is worse, whatever the metric's direction).
/// <para>
/// The p-value is (1 + drops ≤ allowance) / (1 + drops). The bound is the order statistic that decides the same
/// verdict: with K the largest count for which (1 + K) / (1 + n) ≤ α, p ≤ α exactly when fewer than K + 1 drops are
/// ≤ the allowance, that is when the (K + 1)-th smallest drop exceeds it. That drop is the one-sided lower
/// confidence bound of the drop at level 1 − α (about its α-quantile), so a report that prints it next to the
/// verdict always shows it on the verdict's side of the allowance.
/// </para>
/// </summary>
internal static class OneSidedDropTest
{
    /// <summary>The p-value of "the drop is at most <paramref name="allowance"/>", or null without drops.</summary>
    /// <param name="sortedDrops">The defined drops, ascending.</param>
    /// <param name="allowance">The tolerated drop (in the unit of the drops).</param>
    public static double? PValue(double[] sortedDrops, double allowance)
    {
        ArgumentNullException.ThrowIfNull(sortedDrops);
        return sortedDrops.Length == 0 ? null : (1.0 + CountAtMost(sortedDrops, allowance)) / (1.0 + sortedDrops.Length);
    }

    /// <summary>
    /// The one-sided lower confidence bound of the drop at level 1 − <paramref name="alpha"/>: the smallest drop the
    /// test can rule out as "not worse than this". Null without drops, and null when there are too few resamples for
    /// any p-value to reach α (then no allowance can be shown exceeded).
    /// </summary>
    /// <param name="sortedDrops">The defined drops, ascending.</param>
    /// <param name="alpha">The level of the test: 1 − confidence.</param>
    public static double? LowerBound(double[] sortedDrops, double alpha)
    {
        ArgumentNullException.ThrowIfNull(sortedDrops);
        var n = sortedDrops.Length;
        var k = LargestSignificantCount(n, alpha);
        return k < 0 ? null : sortedDrops[k];
    }

    /// <summary>
    /// The largest count c of drops within the allowance for which (1 + c) / (1 + n) ≤ α, computed with the same
    /// floating-point expression as the p-value so that both always agree; −1 when even c = 0 is above α.
    /// </summary>
    internal static int LargestSignificantCount(int n, double alpha)
    {
        if (n == 0)
        {
            return -1;
        }

        var k = Math.Clamp((int)Math.Floor(alpha * (1.0 + n)) - 1, -1, n - 1);
        while (k + 1 <= n - 1 && (1.0 + (k + 1)) / (1.0 + n) <= alpha)
        {
            k++;
        }

        while (k >= 0 && !((1.0 + k) / (1.0 + n) <= alpha))
        {
            k--;
        }

        return k;
    }

    /// <summary>How many of the sorted values are ≤ <paramref name="limit"/> (NaN limits count none).</summary>
    private static int CountAtMost(double[] sorted, double limit)
    {
        var low = 0;
        var high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle] <= limit)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
