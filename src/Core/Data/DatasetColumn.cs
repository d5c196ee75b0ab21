namespace ModelGates.Data;

/// <summary>A column of a loaded dataset.</summary>
/// <param name="Name">The column name as in the file.</param>
/// <param name="SqlType">The DuckDB type it was read as (BIGINT, DOUBLE, VARCHAR, BOOLEAN, DATE, ...).</param>
public sealed record DatasetColumn(string Name, string SqlType)
{
    /// <summary>The kind the SQL type implies before looking at values (strings are categorical or text depending on their values).</summary>
    public ColumnKind TypeKind => SqlTypes.KindOf(SqlType);
}
