using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// Reads a reference column from a plain CSV file read directly (<see cref="DirectCsvReader"/>): what
/// <see cref="RawReferenceReader"/> reads from a table, from the arrays and counts instead.
/// </summary>
internal static class DirectReferenceReader
{
    public static ReferenceColumn Read(DataEngine engine, DirectCsvData data, DirectColumnData column, ProfileSettings settings)
    {
        var name = column.Column.Name;
        var missing = data.Rows - column.NonMissing;
        switch (column.Kind)
        {
            case DirectColumn.Number:
                return RawReferenceReader.FromSortedValues(name, column.Column.TypeKind, column.Column.SqlType, column.SortNumbers(), missing, settings);

            case DirectColumn.Boolean:
                var truths = DirectCurrentData.BooleanCounts(column);
                return new ReferenceColumn
                {
                    Name = name,
                    Kind = ColumnKind.Boolean,
                    SqlType = column.Column.SqlType,
                    Count = column.NonMissing,
                    Missing = missing,
                    Distinct = truths.Count,
                    Categories = truths,
                };

            default:
                // The categorical-or-text rule reads DuckDB's estimate, which hashing each distinct value once reproduces.
                var values = column.TextCounts();
                var approxDistinct = column.NonMissing == 0 ? 0 : DistinctRegisters.ApproxCountDistinct(engine, values.Keys);
                var kind = StringColumnRule.KindOf(approxDistinct, column.NonMissing, settings);
                var categories = kind == ColumnKind.Categorical ? values : new Dictionary<string, long>(StringComparer.Ordinal);
                return new ReferenceColumn
                {
                    Name = name,
                    Kind = kind,
                    SqlType = column.Column.SqlType,
                    Count = column.NonMissing,
                    Missing = missing,
                    Distinct = kind == ColumnKind.Categorical ? categories.Count : approxDistinct,
                    Categories = categories,
                };
        }
    }
}
