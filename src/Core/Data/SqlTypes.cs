namespace ModelGates.Data;

/// <summary>What DuckDB's type names mean for ModelGates.</summary>
internal static class SqlTypes
{
    /// <summary>The column kind of a DuckDB type; strings map to <see cref="ColumnKind.Categorical"/> until their values say otherwise.</summary>
    public static ColumnKind KindOf(string sqlType)
    {
        var type = sqlType.ToUpperInvariant();
        if (IsNumeric(type))
        {
            return ColumnKind.Numeric;
        }

        if (type == "BOOLEAN")
        {
            return ColumnKind.Boolean;
        }

        if (IsTemporal(type))
        {
            return ColumnKind.Datetime;
        }

        return ColumnKind.Categorical;
    }

    /// <summary>True for integer, decimal and floating-point types.</summary>
    public static bool IsNumeric(string sqlType)
    {
        var type = sqlType.ToUpperInvariant();
        return type is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT"
            or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT"
            or "FLOAT" or "DOUBLE" or "REAL"
            || type.StartsWith("DECIMAL", StringComparison.Ordinal);
    }

    /// <summary>True for integer types.</summary>
    public static bool IsInteger(string sqlType) =>
        sqlType.ToUpperInvariant() is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT"
            or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT";

    /// <summary>True for DATE, TIME and TIMESTAMP types.</summary>
    public static bool IsTemporal(string sqlType)
    {
        var type = sqlType.ToUpperInvariant();
        return type is "DATE" or "TIME" || type.StartsWith("TIMESTAMP", StringComparison.Ordinal) || type.StartsWith("TIME ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The next wider type when a sniffed type rejected a value the sniffer had not seen
    /// (an integer column with a decimal far down the file): integers widen to DOUBLE, anything else to VARCHAR.
    /// </summary>
    public static string Widen(string sqlType) => IsInteger(sqlType) ? "DOUBLE" : "VARCHAR";
}
