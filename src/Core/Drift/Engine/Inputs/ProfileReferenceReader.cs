using ModelGates.Data;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>Turns a column of a reference profile into the engine's view: sketch, frozen bins, exact moments and category counts.</summary>
internal static class ProfileReferenceReader
{
    public static ReferenceColumn Read(ColumnProfile column)
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
            FromProfile = true,
        };
    }
}
