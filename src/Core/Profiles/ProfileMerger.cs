using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Profiles;

/// <summary>
/// Combines profiles of disjoint partitions into the profile of the whole. Counts, missing counts,
/// extremes and moments merge exactly; complete category counts and exact quantile sketches stay exact;
/// approximate sketches keep a stated error bound (see docs/profiles.md).
/// </summary>
public static class ProfileMerger
{
    /// <summary>Merges two or more profiles, left to right.</summary>
    /// <exception cref="ConfigurationException">The profiles have different settings, columns or column kinds (MG0021).</exception>
    public static DatasetProfile Merge(IReadOnlyList<DatasetProfile> profiles)
    {
        if (profiles.Count == 0)
        {
            throw new ArgumentException("At least one profile is needed.", nameof(profiles));
        }

        using var registers = new RegisterSource();
        var merged = profiles[0];
        for (var i = 1; i < profiles.Count; i++)
        {
            merged = Merge(merged, profiles[i], registers);
        }

        return merged;
    }

    /// <summary>
    /// Merges many profiles as a balanced tree (pairs, then pairs of pairs), in order: each value passes through
    /// ⌈log2 n⌉ merges instead of up to n − 1, so an approximate quantile sketch of n merged partitions stays within
    /// max(input error) + ⌈log2 n⌉/points of the rank, where merging left to right would allow (n − 1)/points.
    /// Exact parts are exact either way.
    /// </summary>
    /// <exception cref="ConfigurationException">The profiles cannot be merged (MG0021).</exception>
    internal static DatasetProfile MergeBalanced(IReadOnlyList<DatasetProfile> profiles)
    {
        if (profiles.Count == 0)
        {
            throw new ArgumentException("At least one profile is needed.", nameof(profiles));
        }

        using var registers = new RegisterSource();
        var level = profiles.ToList();
        while (level.Count > 1)
        {
            var next = new List<DatasetProfile>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? Merge(level[i], level[i + 1], registers) : level[i]);
            }

            level = next;
        }

        return level[0];
    }

    /// <summary>Merges two profiles.</summary>
    internal static DatasetProfile Merge(DatasetProfile a, DatasetProfile b)
    {
        using var registers = new RegisterSource();
        return Merge(a, b, registers);
    }

    private static DatasetProfile Merge(DatasetProfile a, DatasetProfile b, RegisterSource registers)
    {
        if (a.Settings != b.Settings)
        {
            throw Unmergeable($"they were built with different settings ({Describe(a.Settings)} vs {Describe(b.Settings)}).");
        }

        var namesA = a.Columns.Select(c => c.Name).ToList();
        var namesB = b.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var onlyA = namesA.Where(n => !namesB.Contains(n)).ToList();
        var onlyB = b.Columns.Select(c => c.Name).Where(n => !namesA.Contains(n, StringComparer.Ordinal)).ToList();
        if (onlyA.Count > 0 || onlyB.Count > 0)
        {
            throw Unmergeable($"their columns differ (only in the first: {List(onlyA)}; only in the second: {List(onlyB)}).");
        }

        return new DatasetProfile
        {
            Sources = [.. a.Sources, .. b.Sources],
            Rows = a.Rows + b.Rows,
            UnparsedRows = a.UnparsedRows + b.UnparsedRows,
            Settings = a.Settings,
            Columns = a.Columns.Select(c => MergeColumn(c, b.Find(c.Name)!, a.Settings, registers)).ToList(),
        };
    }

    private static ColumnProfile MergeColumn(ColumnProfile a, ColumnProfile b, ProfileSettings settings, RegisterSource registers)
    {
        // A column without a value in one part (all missing in one partition of a CSV lake, say, and sniffed as text
        // there) says nothing about the column's kind: the other part's summary is the union's.
        if (a.Count == 0 && b.Count > 0 && a.Kind != b.Kind)
        {
            return b with { Missing = a.Missing + b.Missing };
        }

        if (b.Count == 0 && a.Count > 0 && a.Kind != b.Kind)
        {
            return a with { Missing = a.Missing + b.Missing };
        }

        var kind = MergeKind(a, b);
        var numeric = a.Numeric is { } na && b.Numeric is { } nb ? MergeNumeric(na, nb, settings) : null;
        var categories = a.Categories is { } ca && b.Categories is { } cb
            ? ca.Merge(cb, kind == ColumnKind.Text ? settings.TopTextValues : kind == ColumnKind.Boolean ? 2 : settings.MaxCategories)
            : null;
        return new ColumnProfile
        {
            Name = a.Name,
            Kind = kind,
            SqlType = a.SqlType == b.SqlType ? a.SqlType : kind == ColumnKind.Numeric ? "DOUBLE" : "VARCHAR",
            Count = a.Count + b.Count,
            Missing = a.Missing + b.Missing,
            Distinct = MergeDistinct(a, b, numeric, categories, registers),
            Numeric = numeric,
            Categories = categories,
            Length = a.Length is { } la && b.Length is { } lb ? la.Merge(lb) : a.Length ?? b.Length,
            TimeRange = MergeTimeRange(a.TimeRange, b.TimeRange),
        };
    }

    private static ColumnKind MergeKind(ColumnProfile a, ColumnProfile b)
    {
        if (a.Kind == b.Kind)
        {
            return a.Kind;
        }

        // A string column can look categorical in one partition and like text in another; text is the safe union.
        if (a.Kind is ColumnKind.Categorical or ColumnKind.Text && b.Kind is ColumnKind.Categorical or ColumnKind.Text)
        {
            return ColumnKind.Text;
        }

        throw Unmergeable($"column '{a.Name}' is {a.Kind.ToText()} in one and {b.Kind.ToText()} in the other.");
    }

    private static NumericSummary MergeNumeric(NumericSummary a, NumericSummary b, ProfileSettings settings)
    {
        if (a.Moments.Count == 0)
        {
            return b;
        }

        if (b.Moments.Count == 0)
        {
            return a;
        }

        var sketch = a.Quantiles.Merge(b.Quantiles, settings.QuantilePoints);
        ReferenceBins bins;
        if (a.Bins.Edges.SequenceEqual(b.Bins.Edges))
        {
            bins = new ReferenceBins(a.Bins.Edges, a.Bins.Counts.Zip(b.Bins.Counts, (x, y) => x + y).ToArray(), a.Bins.IsExact && b.Bins.IsExact);
        }
        else
        {
            // New deciles of the whole; counts move through the sketches, exact only when both sketches are.
            var edges = ReferenceBins.EdgesFrom(Enumerable.Range(1, settings.DriftBins - 1).Select(k => sketch.Quantile((double)k / settings.DriftBins)));
            var fromA = ReferenceBins.FromSketch(edges, a.Quantiles);
            var fromB = ReferenceBins.FromSketch(edges, b.Quantiles);
            bins = new ReferenceBins(edges, fromA.Counts.Zip(fromB.Counts, (x, y) => x + y).ToArray(), fromA.IsExact && fromB.IsExact);
        }

        return new NumericSummary(
            Math.Min(a.Min, b.Min),
            Math.Max(a.Max, b.Max),
            a.Moments.Merge(b.Moments),
            sketch,
            a.Histogram.Merge(b.Histogram, settings.HistogramBins),
            bins);
    }

    private static DistinctSketch MergeDistinct(ColumnProfile a, ColumnProfile b, NumericSummary? numeric, CategoryCounts? categories, RegisterSource registers)
    {
        if (a.Kind == ColumnKind.Boolean && categories is not null)
        {
            return DistinctSketch.Exact(categories.Values.Count(v => v.Count > 0), null, null);
        }

        if (RegisterSource.HasAllValues(a) && RegisterSource.HasAllValues(b))
        {
            // Both list every value: the union is exact. Keep registers only if the merged profile no longer lists them all.
            var union = a.Numeric is not null
                ? a.Numeric.Quantiles.Values.Union(b.Numeric!.Quantiles.Values).Count()
                : a.Categories!.Values.Select(v => v.Value).Union(b.Categories!.Values.Select(v => v.Value), StringComparer.Ordinal).Count();
            var listsAll = categories is { IsComplete: true } || numeric is { Quantiles.IsExact: true };
            var kept = listsAll ? null : registers.Of(a)?.Merge(registers.Of(b)!);
            return DistinctSketch.Exact(union, kept?.Registers, kept?.HashId);
        }

        var left = registers.Of(a);
        var right = registers.Of(b);

        // Without combinable registers only bounds are known: the larger count up to the sum; report the larger.
        return (left is null || right is null ? null : left.Merge(right))
            ?? new DistinctSketch(Math.Max(a.Distinct.Estimate, b.Distinct.Estimate), false, null, null);
    }

    private static (string Min, string Max)? MergeTimeRange((string Min, string Max)? a, (string Min, string Max)? b) =>
        a is null ? b : b is null ? a : (
            string.CompareOrdinal(a.Value.Min, b.Value.Min) <= 0 ? a.Value.Min : b.Value.Min,
            string.CompareOrdinal(a.Value.Max, b.Value.Max) >= 0 ? a.Value.Max : b.Value.Max);

    private static ConfigurationException Unmergeable(string why) =>
        new(DiagnosticCatalog.ProfilesNotMergeable.Create($"The profiles cannot be merged: {why}"));

    private static string Describe(ProfileSettings s) =>
        $"quantilePoints {s.QuantilePoints}, histogramBins {s.HistogramBins}, driftBins {s.DriftBins}, maxCategories {s.MaxCategories}";

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
