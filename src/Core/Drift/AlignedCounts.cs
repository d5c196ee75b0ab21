using ModelGates.Statistics;

namespace ModelGates.Drift;

/// <summary>
/// Two aligned count vectors with the categories empty on both sides removed: such a category
/// carries no information, makes the chi-squared expected frequency zero, and would otherwise change
/// smoothed proportions. Every count test works on this.
/// </summary>
internal sealed class AlignedCounts
{
    private AlignedCounts(long[] reference, long[] current, long referenceTotal, long currentTotal)
    {
        Reference = reference;
        Current = current;
        ReferenceTotal = referenceTotal;
        CurrentTotal = currentTotal;
    }

    public long[] Reference { get; }

    public long[] Current { get; }

    public long ReferenceTotal { get; }

    public long CurrentTotal { get; }

    public int Length => Reference.Length;

    public static AlignedCounts Of(CountVector reference, CountVector current)
    {
        var r = reference.Counts;
        var c = current.Counts;
        var kept = 0;
        for (var i = 0; i < r.Length; i++)
        {
            if (r[i] != 0 || c[i] != 0)
            {
                kept++;
            }
        }

        var keptReference = new long[kept];
        var keptCurrent = new long[kept];
        var j = 0;
        for (var i = 0; i < r.Length; i++)
        {
            if (r[i] != 0 || c[i] != 0)
            {
                keptReference[j] = r[i];
                keptCurrent[j] = c[i];
                j++;
            }
        }

        return new AlignedCounts(keptReference, keptCurrent, reference.Total, current.Total);
    }

    /// <summary>Reference and current proportions, count / total.</summary>
    public (double[] Reference, double[] Current) Proportions() =>
        (Divide(Reference, ReferenceTotal), Divide(Current, CurrentTotal));

    /// <summary>
    /// Proportions with every zero replaced by <paramref name="epsilon"/> and each side then
    /// renormalised to sum to one (so the logarithms of PSI and KL stay finite).
    /// </summary>
    public (double[] Reference, double[] Current) SmoothedProportions(double epsilon) =>
        (Smooth(Divide(Reference, ReferenceTotal), epsilon), Smooth(Divide(Current, CurrentTotal), epsilon));

    private static double[] Divide(long[] counts, long total)
    {
        var proportions = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            proportions[i] = (double)counts[i] / total;
        }

        return proportions;
    }

    private static double[] Smooth(double[] proportions, double epsilon)
    {
        var sum = new CompensatedSum();
        for (var i = 0; i < proportions.Length; i++)
        {
            if (proportions[i] == 0)
            {
                proportions[i] = epsilon;
            }

            sum.Add(proportions[i]);
        }

        var total = sum.Value;
        for (var i = 0; i < proportions.Length; i++)
        {
            proportions[i] /= total;
        }

        return proportions;
    }
}
