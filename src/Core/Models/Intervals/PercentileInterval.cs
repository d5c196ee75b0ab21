namespace ModelGates.Models.Intervals;

/// <summary>Percentiles of bootstrap values, numpy's default ("linear") definition.</summary>
internal static class PercentileInterval
{
    /// <summary>
    /// The defined (non-NaN) values of column <paramref name="column"/> of a resample-major table,
    /// sorted ascending.
    /// </summary>
    public static double[] SortedDefinedColumn(double[] values, int valueCount, int column)
    {
        var defined = new List<double>(values.Length / valueCount);
        for (var i = column; i < values.Length; i += valueCount)
        {
            if (!double.IsNaN(values[i]))
            {
                defined.Add(values[i]);
            }
        }

        var sorted = defined.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The two-sided percentile bounds at <paramref name="confidence"/>, or nulls when there are no values.</summary>
    public static (double? Lower, double? Upper) Bounds(double[] sorted, double confidence)
    {
        if (sorted.Length == 0)
        {
            return (null, null);
        }

        var tail = (1.0 - confidence) / 2.0;
        return (Quantile(sorted, tail), Quantile(sorted, 1.0 - tail));
    }

    /// <summary>The q-quantile interpolating linearly between order statistics: position q × (N − 1).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = position - below;
        return sorted[below] + (fraction * (sorted[below + 1] - sorted[below]));
    }
}
