using System.Text.RegularExpressions;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Sql;

/// <summary>
/// Maps an engine's column types to what ModelGates profiles: the DuckDB type name a file with the same values
/// would be read as (so profiles of a file, of a DuckDB table and of a PostgreSQL table say the same thing), and
/// with it the column's kind. A type that is neither a number, a date or time, a boolean nor text is MG0124.
/// </summary>
internal static partial class EngineTypes
{
    /// <summary>The DuckDB type name for an engine type, or null when the column cannot be profiled.</summary>
    /// <param name="provider">The session's provider (<c>postgres</c>, <c>duckdb</c>, ...).</param>
    /// <param name="engineType">The type as the engine names it.</param>
    public static string? DuckDbTypeOf(string provider, string engineType)
    {
        ArgumentNullException.ThrowIfNull(engineType);
        return provider switch
        {
            "duckdb" => DuckDb(engineType),
            _ => Postgres(engineType),
        };
    }

    /// <summary>The columns of a relation as datasets have them, each with its DuckDB type name.</summary>
    /// <exception cref="DataReadException">A column's type cannot be profiled (MG0124, exit code 3).</exception>
    public static IReadOnlyList<DatasetColumn> Map(string provider, IReadOnlyList<SqlColumn> columns, string relationDisplay)
    {
        var mapped = new List<DatasetColumn>(columns.Count);
        var refused = new List<Diagnostic>();
        foreach (var column in columns)
        {
            if (DuckDbTypeOf(provider, column.EngineType) is { } sqlType)
            {
                mapped.Add(new DatasetColumn(column.Name, sqlType));
            }
            else
            {
                refused.Add(DiagnosticCatalog.UnprofilableColumnType.Create(
                    $"Column '{column.Name}' of {relationDisplay} has type {column.EngineType}, which cannot be profiled (numbers, dates and times, booleans and text can). Leave it out with a query dataset, or cast it to text there.") with
                {
                    Column = column.Name,
                });
            }
        }

        return refused.Count == 0 ? mapped : throw new DataReadException(refused);
    }

    /// <summary>True when the DuckDB type is a floating-point or decimal type, whose values may be NaN or infinite (missing in a profile).</summary>
    public static bool MayBeNonFinite(string sqlType) =>
        sqlType is "DOUBLE" or "FLOAT" or "REAL" || sqlType.StartsWith("DECIMAL", StringComparison.Ordinal);

    private static string? Postgres(string engineType)
    {
        var type = engineType.Trim().ToLowerInvariant();
        if (type.EndsWith("[]", StringComparison.Ordinal) || type.StartsWith('_'))
        {
            return null;
        }

        var bare = string.Join(' ', Modifier().Replace(type, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return bare switch
        {
            "smallint" or "int2" or "smallserial" => "SMALLINT",
            "integer" or "int" or "int4" or "serial" => "INTEGER",
            "bigint" or "int8" or "bigserial" => "BIGINT",
            "real" or "float4" => "FLOAT",
            "double precision" or "float8" or "float" => "DOUBLE",
            "numeric" or "decimal" => Modifier().Match(type) is { Success: true } m ? "DECIMAL" + m.Value.Replace(" ", string.Empty, StringComparison.Ordinal) : "DECIMAL",
            "boolean" or "bool" => "BOOLEAN",
            "text" or "character varying" or "varchar" or "character" or "char" or "bpchar" or "name" or "citext" or "uuid" => "VARCHAR",
            "date" => "DATE",
            "timestamp" or "timestamp without time zone" => "TIMESTAMP",
            "timestamp with time zone" or "timestamptz" => "TIMESTAMP WITH TIME ZONE",
            _ => null,
        };
    }

    private static string? DuckDb(string engineType)
    {
        var type = engineType.Trim().ToUpperInvariant();
        if (type.EndsWith(']') || type.StartsWith("STRUCT", StringComparison.Ordinal) || type.StartsWith("MAP", StringComparison.Ordinal) || type.StartsWith("UNION", StringComparison.Ordinal))
        {
            return null;
        }

        if (SqlTypes.IsNumeric(type) || type == "BOOLEAN" || (SqlTypes.IsTemporal(type) && type != "TIME"))
        {
            return type;
        }

        return type is "VARCHAR" or "UUID" || type.StartsWith("ENUM", StringComparison.Ordinal) ? "VARCHAR" : null;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Modifier();
}
