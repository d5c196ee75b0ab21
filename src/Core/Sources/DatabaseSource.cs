using ModelGates.Sql;

namespace ModelGates.Sources;

/// <summary>
/// A dataset that lives in a database: a table (<c>schema.name</c>) or a query, over a named connection. The pipeline
/// reads it by sending queries that return aggregates and a bounded number of example rows; its rows never leave
/// the server.
/// </summary>
/// <param name="Connection">The connection's name.</param>
/// <param name="Table">A table or view, <c>name</c> or <c>schema.name</c>; null for a query.</param>
/// <param name="Query">A query whose rows are the dataset; null for a table.</param>
internal sealed record DatabaseSource(string Connection, string? Table, string? Query)
{
    /// <summary>Where the dataset is declared (its errors point there), or null on the command line.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The relation as SQL: a quoted table name, or the query in parentheses, to follow <c>FROM</c>.</summary>
    public string Relation(ISqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return Table is not null ? dialect.TableName(Table) : "(" + TrimTerminator(Query!) + ")";
    }

    /// <summary>The relation as pushdown takes it; a query is named by this display in profiles and messages.</summary>
    public SqlRelation ToSqlRelation() => Table is not null ? SqlRelation.OfTable(Table) : SqlRelation.OfQuery(TrimTerminator(Query!), Display);

    /// <summary>The relation as a FROM item that every engine accepts: a quoted table name, or the query with an alias.</summary>
    public string FromItem(ISqlDialect dialect) => Table is not null ? dialect.TableName(Table) : Relation(dialect) + " AS mg_query";

    /// <summary>How messages and progress lines name it: the command line's <c>table:</c> / <c>sql:</c> form.</summary>
    public string Display => Table is not null ? $"table:{Connection}.{Table}" : $"sql:{Connection}:{Shorten(Query!)}";

    /// <summary>True when a path is a database dataset's display (<c>table:</c> or <c>sql:</c>), not a file.</summary>
    public static bool IsDisplay(string path) =>
        path.StartsWith("table:", StringComparison.Ordinal) || path.StartsWith("sql:", StringComparison.Ordinal);

    /// <summary>What the relation is, for the dataset hash: the table name or the query, as written.</summary>
    public string RelationText => Table ?? Query!;

    // One line, at most 60 characters: a progress line names the query, it does not print it.
    private static string Shorten(string query)
    {
        var line = string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 60 ? line : line[..57] + "...";
    }

    private static string TrimTerminator(string sql)
    {
        var trimmed = sql.Trim();
        while (trimmed.EndsWith(';'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        return trimmed;
    }
}
