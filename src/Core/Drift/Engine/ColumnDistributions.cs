using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Results;
using ModelGates.Statistics;

namespace ModelGates.Drift.Engine;

/// <summary>
/// The distributions the report's drift charts show, from the inputs the comparison already read (no second
/// scan of the data): numeric and datetime columns on the reference's frozen bins (a profile's own, or those
/// the profiler's rule makes of raw reference values), categories as the reference's most frequent values
/// plus "(other)". Counts are exact wherever the comparison's inputs are.
/// </summary>
internal static class ColumnDistributions
{
    private const int MaxCategories = 12;

    /// <summary>The distribution of one column, or null when the inputs hold none to draw.</summary>
    public static ColumnDistribution? Of(ReferenceColumn reference, CurrentColumn current)
    {
        if (reference.IsNumeric)
        {
            return Numeric(reference, current);
        }

        return current.Categories is { } categories ? Categories(reference, categories) : null;
    }

    private static ColumnDistribution? Numeric(ReferenceColumn reference, CurrentColumn current)
    {
        if (reference.Bins is not { } bins)
        {
            return null;
        }

        var currentCounts = current.BinCounts ?? (current.SortedValues is { } sorted ? SortedValues.BinCounts(sorted.Span, bins.Edges) : null);
        return currentCounts is null
            ? null
            : new ColumnDistribution(Reports.Html.Charts.PairedBarChart.BinLabels(bins.Edges), Shares(bins.Counts), Shares(currentCounts));
    }

    private static ColumnDistribution Categories(ReferenceColumn reference, IReadOnlyDictionary<string, long> current)
    {
        var referenceCounts = reference.Categories;
        var labels = referenceCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxCategories).Select(p => p.Key).ToList();
        var refTotal = referenceCounts.Values.Sum() + reference.OtherCategories;
        var curTotal = current.Values.Sum();
        var refShares = labels.Select(l => Share(referenceCounts.GetValueOrDefault(l), refTotal)).ToList();
        var curShares = labels.Select(l => Share(current.GetValueOrDefault(l), curTotal)).ToList();
        var refOther = refTotal - labels.Sum(l => referenceCounts.GetValueOrDefault(l));
        var curOther = curTotal - labels.Sum(l => current.GetValueOrDefault(l));
        if (refOther == 0 && curOther == 0)
        {
            return new ColumnDistribution(labels, refShares, curShares);
        }

        // Parenthesised so that it cannot be mistaken for a category called "other".
        refShares.Add(Share(refOther, refTotal));
        curShares.Add(Share(curOther, curTotal));
        return new ColumnDistribution([.. labels, "(other)"], refShares, curShares);
    }

    private static double[] Shares(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        return counts.Select(c => Share(c, total)).ToArray();
    }

    private static double Share(long count, long total) => total == 0 ? 0 : (double)count / total;
}
