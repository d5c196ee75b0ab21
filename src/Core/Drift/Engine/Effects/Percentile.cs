namespace ModelGates.Drift.Engine.Effects;

/// <summary>Percentiles of sorted replicate values by linear interpolation between order statistics (NumPy's default).</summary>
internal static class Percentile
{
    public static double Of(double[] sorted, double fraction)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * fraction;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        if (sorted[lo] == sorted[hi])
        {
            return sorted[lo];
        }

        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
