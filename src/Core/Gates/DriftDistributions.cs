using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Profiles;

namespace ModelGates.Gates;

/// <summary>The shares of a column's values per bin or category, on the reference and the current side, for the report's charts.</summary>
/// <param name="Labels">Bin or category labels.</param>
/// <param name="Reference">Reference shares, one per label.</param>
/// <param name="Current">Current shares, one per label.</param>
public sealed record ColumnDistribution(IReadOnlyList<string> Labels, IReadOnlyList<double> Reference, IReadOnlyList<double> Current);

/// <summary>
/// Computes the distributions the drift charts show: numeric columns on the reference's frozen bins (the
/// profile's own bins, or the deciles of the raw reference), categories as the reference's most frequent
/// values plus "other". Counts are exact; only the choice of raw-reference edges uses DuckDB's approximate
/// quantiles, since the edges only need to be reasonable for display.
/// </summary>
public static class DriftDistributions
{
    private const int MaxCategories = 12;

    /// <summary>The distributions of every column present on both sides, by column name.</summary>
    public static Dictionary<string, ColumnDistribution> Compute(DataEngine engine, DriftReference reference, LoadedDataset current)
    {
        var result = new Dictionary<string, ColumnDistribution>(StringComparer.Ordinal);
        foreach (var column in current.Columns)
        {
            var kind = reference.Profile?.Find(column.Name)?.Kind ?? reference.Dataset?.Find(column.Name)?.TypeKind;
            if (kind is null)
            {
                continue;
            }

            var distribution = kind is ColumnKind.Numeric or ColumnKind.Datetime && column.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime
                ? Numeric(engine, reference, current, column)
                : kind is ColumnKind.Categorical or ColumnKind.Boolean
                    ? Categories(engine, reference, current, column)
                    : null;
            if (distribution is not null)
            {
                result[column.Name] = distribution;
            }
        }

        return result;
    }

    private static ColumnDistribution? Numeric(DataEngine engine, DriftReference reference, LoadedDataset current, DatasetColumn column)
    {
        IReadOnlyList<double> edges;
        long[] referenceCounts;
        if (reference.Profile?.Find(column.Name)?.Numeric is { } numeric)
        {
            edges = numeric.Bins.Edges;
            referenceCounts = numeric.Bins.Counts.ToArray();
        }
        else if (reference.Dataset?.Find(column.Name) is { } referenceColumn)
        {
            var value = ProfileBuilder.ValueSql(referenceColumn);
            var deciles = engine.Row($"SELECT approx_quantile({value}, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) FROM {reference.Dataset.Table}")[0];
            edges = deciles is System.Collections.IEnumerable list ? ReferenceBins.EdgesFrom(list.Cast<object>().Select(SqlValue.ToDouble).Where(double.IsFinite)) : [];
            referenceCounts = Histogram(engine, reference.Dataset.Table, value, edges);
        }
        else
        {
            return null;
        }

        var currentCounts = Histogram(engine, current.Table, ProfileBuilder.ValueSql(column), edges);
        return new ColumnDistribution(Reports.Html.Charts.PairedBarChart.BinLabels(edges), Shares(referenceCounts), Shares(currentCounts));
    }

    private static long[] Histogram(DataEngine engine, string table, string value, IReadOnlyList<double> edges) =>
        ProfileBuilder.Counts(
            engine.Row($"SELECT histogram({ProfileBuilder.BinIndex(value, edges)}) FILTER (WHERE {value} IS NOT NULL) FROM {table}")[0],
            edges.Count + 1);

    private static ColumnDistribution Categories(DataEngine engine, DriftReference reference, LoadedDataset current, DatasetColumn column)
    {
        var referenceCounts = reference.Profile?.Find(column.Name)?.Categories is { } categories
            ? categories.Values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal)
            : CountValues(engine, reference.Dataset!.Table, reference.Dataset.Find(column.Name)!);
        var referenceOther = reference.Profile?.Find(column.Name)?.Categories?.Other ?? 0;
        var currentCounts = CountValues(engine, current.Table, column);
        var labels = referenceCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxCategories).Select(p => p.Key).ToList();
        var refTotal = referenceCounts.Values.Sum() + referenceOther;
        var curTotal = currentCounts.Values.Sum();
        var refShares = labels.Select(l => Share(referenceCounts.GetValueOrDefault(l), refTotal)).ToList();
        var curShares = labels.Select(l => Share(currentCounts.GetValueOrDefault(l), curTotal)).ToList();
        var refOther = refTotal - labels.Sum(l => referenceCounts.GetValueOrDefault(l));
        var curOther = curTotal - labels.Sum(l => currentCounts.GetValueOrDefault(l));
        if (refOther == 0 && curOther == 0)
        {
            return new ColumnDistribution(labels, refShares, curShares);
        }

        // Parenthesised so that it cannot be mistaken for a category called "other".
        refShares.Add(Share(refOther, refTotal));
        curShares.Add(Share(curOther, curTotal));
        return new ColumnDistribution([.. labels, "(other)"], refShares, curShares);
    }

    private static Dictionary<string, long> CountValues(DataEngine engine, string table, DatasetColumn column)
    {
        var name = SqlText.Identifier(column.Name);
        var text = column.TypeKind == ColumnKind.Boolean ? $"lower(CAST({name} AS VARCHAR))" : $"CAST({name} AS VARCHAR)";
        return engine.Query(
            $"SELECT {text}, count(*) FROM {table} WHERE {name} IS NOT NULL GROUP BY 1",
            r => (Value: r.GetString(0), Count: SqlValue.ToInt64(r.GetValue(1))))
            .ToDictionary(p => p.Value, p => p.Count, StringComparer.Ordinal);
    }

    private static double[] Shares(long[] counts)
    {
        var total = counts.Sum();
        return counts.Select(c => Share(c, total)).ToArray();
    }

    private static double Share(long count, long total) => total == 0 ? 0 : (double)count / total;
}
