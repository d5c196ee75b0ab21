namespace ModelGates.Models.Importance;

/// <summary>
/// How a model's importances moved from a baseline's: the rank correlation over the columns both measured, and
/// the columns that entered and left the top k (each side's top k from its own ranking).
/// </summary>
internal static class ImportanceShift
{
    /// <summary>Compares current with baseline importances (column → importance; ties ranked by column name).</summary>
    public static (double RankCorrelation, int Columns, IReadOnlyList<string> Entered, IReadOnlyList<string> Left) Compare(
        IReadOnlyDictionary<string, double> current,
        IReadOnlyDictionary<string, double> baseline,
        int k,
        RankCorrelationMethod method)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        var common = current.Keys.Where(baseline.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var x = common.Select(c => current[c]).ToList();
        var y = common.Select(c => baseline[c]).ToList();
        var correlation = method == RankCorrelationMethod.Kendall ? RankCorrelation.KendallTauB(x, y) : RankCorrelation.Spearman(x, y);
        var currentTop = Top(current, k);
        var baselineTop = Top(baseline, k);
        return (correlation, common.Count, [.. currentTop.Where(c => !baselineTop.Contains(c))], [.. baselineTop.Where(c => !currentTop.Contains(c))]);
    }

    /// <summary>The <paramref name="k"/> most important columns, most important first.</summary>
    public static IReadOnlyList<string> Top(IReadOnlyDictionary<string, double> importances, int k) =>
        [.. importances.OrderByDescending(p => double.IsNaN(p.Value) ? double.NegativeInfinity : p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(k).Select(p => p.Key)];
}
