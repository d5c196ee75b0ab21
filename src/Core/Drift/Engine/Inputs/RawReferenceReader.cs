using ModelGates.Data;
using ModelGates.Drift.Engine.Effects;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// Reads the reference columns from raw data: exact sorted values for numeric and datetime columns (with
/// the sketch and bins a profile would store), exact category counts, and the kind a profile would give.
/// </summary>
internal static class RawReferenceReader
{
    /// <summary>A numeric or datetime reference column from its sorted non-missing values.</summary>
    public static ReferenceColumn FromSortedValues(string name, ColumnKind kind, string sqlType, ReadOnlyMemory<double> sortedValues, long missing, ProfileSettings settings)
    {
        var sorted = sortedValues.Span;
        // The profiler's own rule, so binned tests against raw reference data and against its profile count
        // over identical bins.
        var (sketch, bins, distinct) = NumericColumnProfiler.SketchAndBins(sorted, settings);
        // The profiler's moments, so a raw reference and its profile scale effects identically.
        var moments = NumericColumnProfiler.MomentsOf(sorted);
        return new ReferenceColumn
        {
            Name = name,
            Kind = kind,
            SqlType = sqlType,
            Count = sorted.Length,
            Missing = missing,
            Distinct = distinct,
            Min = sorted.Length > 0 ? sorted[0] : double.NaN,
            Max = sorted.Length > 0 ? sorted[^1] : double.NaN,
            Mean = sorted.Length > 0 ? moments.Mean : double.NaN,
            PopulationStandardDeviation = moments.PopulationStandardDeviation ?? double.NaN,
            Values = NumericSample.FromSorted(sortedValues),
            BootstrapPoints = WeightedPoints.CompressedFromSorted(sorted, ColumnComparer.BootstrapPoints, (int)distinct),
            Sketch = sketch,
            Bins = bins,
        };
    }

    public static ReferenceColumn Read(DataEngine engine, LoadedDataset dataset, DatasetColumn column, long count, long approxDistinct, ProfileSettings settings)
    {
        var missing = dataset.Rows - count;
        switch (column.TypeKind)
        {
            case ColumnKind.Numeric or ColumnKind.Datetime:
                return FromSortedValues(column.Name, column.TypeKind, column.SqlType, ColumnQueries.SortedValues(engine, dataset, column, count), missing, settings);

            case ColumnKind.Boolean:
            {
                var categories = ColumnQueries.CategoryCounts(engine, dataset, column);
                return new ReferenceColumn
                {
                    Name = column.Name,
                    Kind = ColumnKind.Boolean,
                    SqlType = column.SqlType,
                    Count = count,
                    Missing = missing,
                    Distinct = categories.Count,
                    Categories = categories,
                };
            }

            default:
            {
                var kind = StringColumnRule.KindOf(approxDistinct, count, settings);
                var categories = kind == ColumnKind.Categorical
                    ? ColumnQueries.CategoryCounts(engine, dataset, column)
                    : new Dictionary<string, long>(StringComparer.Ordinal);
                return new ReferenceColumn
                {
                    Name = column.Name,
                    Kind = kind,
                    SqlType = column.SqlType,
                    Count = count,
                    Missing = missing,
                    Distinct = kind == ColumnKind.Categorical ? categories.Count : approxDistinct,
                    Categories = categories,
                };
            }
        }
    }
}
