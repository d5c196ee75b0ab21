using ModelGates.Data;
using ModelGates.Memory;
using ModelGates.Sql;

namespace ModelGates.Inputs;

/// <summary>
/// A dataset read into a DuckDB table (Parquet, JSON Lines, CSV the direct reader declines: quoted fields, embedded
/// delimiters or newlines, several files) whose number columns would not fit the memory limit as arrays of doubles is
/// profiled, and compared with a stored profile, inside DuckDB: the pushdown queries of a database table run on the
/// loaded table, DuckDB sorts and aggregates under its <c>memory_limit</c> (spilling to disk), and only aggregates come
/// back, so what the run holds does not grow with the rows (docs/scale.md#memory).
/// </summary>
internal static class InEngineReads
{
    /// <summary>True when the table's number and time columns, as doubles, exceed <paramref name="limit"/>.</summary>
    public static bool BeyondLimit(LoadedDataset dataset, MemoryLimit limit)
    {
        var numbers = dataset.Columns.Count(c => c.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime);
        return numbers > 0 && (double)dataset.Rows * numbers * sizeof(double) > limit.Bytes;
    }

    /// <summary>The dataset's columns (not the hidden file column) as a relation named as the dataset's path.</summary>
    public static SqlRelation Relation(LoadedDataset dataset) =>
        SqlRelation.OfQuery(
            "SELECT " + string.Join(", ", dataset.Columns.Select(c => SqlText.Identifier(c.Name))) + " FROM " + dataset.Table,
            dataset.Source.Path);
}
