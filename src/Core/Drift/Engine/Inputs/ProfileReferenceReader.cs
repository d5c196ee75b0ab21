using ModelGates.Data;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>Turns a column of a reference profile into the engine's view: sketch, frozen bins, exact moments and category counts.</summary>
internal static class ProfileReferenceReader
{
    /// <param name="column">The profile's column.</param>
    /// <param name="ofRawData">
    /// True for the profile of raw reference data beyond the memory limit, written inside DuckDB to compare there: its
    /// sketch and bins are the raw data's own (the profiler's rule), and the values stay in the engine for exact tests.
    /// </param>
    public static ReferenceColumn Read(ColumnProfile column, bool ofRawData = false)
    {
        var categories = new Dictionary<string, long>(StringComparer.Ordinal);
        long other = 0;
        if (column.Categories is { } listed && column.Kind is ColumnKind.Categorical or ColumnKind.Boolean)
        {
            foreach (var c in listed.Values)
            {
                categories[c.Value] = c.Count;
            }

            other = listed.IsComplete ? 0 : Math.Max(0, listed.Other);
        }

        var numeric = column.Numeric;
        var hasValues = numeric is not null && column.Count > 0;
        return new ReferenceColumn
        {
            Name = column.Name,
            Kind = column.Kind,
            SqlType = column.SqlType,
            Count = column.Count,
            Missing = column.Missing,
            Distinct = column.Distinct.Estimate,
            Min = hasValues ? numeric!.Min : double.NaN,
            Max = hasValues ? numeric!.Max : double.NaN,
            Mean = hasValues ? numeric!.Moments.Mean : double.NaN,
            PopulationStandardDeviation = hasValues ? numeric!.Moments.PopulationStandardDeviation ?? double.NaN : double.NaN,
            Sketch = numeric?.Quantiles,
            Bins = numeric?.Bins,
            Categories = categories,
            OtherCategories = other,
            FromProfile = !ofRawData,
        };
    }
}
