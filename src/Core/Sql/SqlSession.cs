namespace ModelGates.Sql;

/// <summary>
/// A live connection to a SQL engine that pushdown queries run on (PostgreSQL through Npgsql, or the embedded
/// DuckDB): the engine's dialect, and the only ways ModelGates sends it SQL. Only aggregates and a bounded
/// number of example rows come back; callers never stream a table's rows through it. Not thread-safe.
/// </summary>
internal abstract class SqlSession : IDisposable
{
    /// <summary>The provider name as a config names it (<c>postgres</c>, <c>duckdb</c>).</summary>
    public abstract string Provider { get; }

    /// <summary>How SQL text is written for this engine.</summary>
    public abstract ISqlDialect Dialect { get; }

    /// <summary>
    /// Runs a query and returns its rows, each as the provider's values (null for SQL NULL). Errors come back as
    /// <see cref="Data.DataReadException"/> with an MG code, the server's own message and no secret.
    /// </summary>
    /// <param name="sql">The query.</param>
    /// <param name="maxRows">Stop reading after this many rows (the caller's bound on what leaves the engine).</param>
    public abstract IReadOnlyList<object?[]> Query(string sql, int maxRows = int.MaxValue);

    /// <summary>The columns of a relation (a qualified table name or a parenthesised query) with the engine's type names.</summary>
    public abstract IReadOnlyList<SqlColumn> Columns(string relation);

    /// <summary>The one row of an aggregate query.</summary>
    public object?[] Row(string sql) => Query(sql, 1) is [var row] ? row : throw new InvalidOperationException("The aggregate query returned no row.");

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the connection.</summary>
    protected abstract void Dispose(bool disposing);
}

/// <summary>A column of a relation as the engine describes it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="EngineType">The engine's type name (<c>double precision</c>, <c>DOUBLE</c>, <c>text</c>).</param>
internal sealed record SqlColumn(string Name, string EngineType);
