namespace ModelGates.Sql;

/// <summary>
/// What a pushed-down profile or drift gate reads: a table (<c>public.applications</c>, each part quoted by the
/// dialect) or a query (wrapped as a derived table). Only aggregates of it leave the engine.
/// </summary>
internal sealed record SqlRelation
{
    private SqlRelation(string? table, string? query, string display)
    {
        Table = table;
        Query = query;
        Display = display;
    }

    /// <summary>The dotted table name, or null for a query.</summary>
    public string? Table { get; }

    /// <summary>The query text, or null for a table.</summary>
    public string? Query { get; }

    /// <summary>How results and messages name it (a profile's source): <c>table:public.applications</c> or the name given for a query.</summary>
    public string Display { get; }

    /// <summary>A table as a config names it.</summary>
    public static SqlRelation OfTable(string dotted)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dotted);
        return new SqlRelation(dotted, null, "table:" + dotted);
    }

    /// <summary>A query; <paramref name="display"/> names it in results (the dataset's name, say), <c>sql:query</c> when null.</summary>
    public static SqlRelation OfQuery(string query, string? display = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return new SqlRelation(null, query.Trim().TrimEnd(';'), display ?? "sql:query");
    }

    /// <summary>The relation as <see cref="SqlSession.Columns"/> takes it: a quoted table name or a parenthesised query.</summary>
    public string ForColumns(ISqlDialect dialect) => Table is not null ? dialect.TableName(Table) : "(" + Query + ")";

    /// <summary>The relation as a FROM item named <c>mg_t</c>.</summary>
    public string From(ISqlDialect dialect) => (Table is not null ? dialect.TableName(Table) : "(" + Query + ")") + " AS mg_t";

    /// <summary>How messages name it: the quoted table, or the display name of a query.</summary>
    public string ForMessages(ISqlDialect dialect) => Table is not null ? dialect.TableName(Table) : Display;
}
