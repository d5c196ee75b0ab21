namespace ModelGates.Sql.Pushdown;

/// <summary>
/// Sends the queries of a pushed-down profile or drift gate. Each query is written for a dialect, so that the
/// golden-file tests can record the text for Spark SQL, Trino or Snowflake while DuckDB answers the same logical
/// query. Counts the queries and the rows that came back (what left the engine).
/// </summary>
internal abstract class PushdownRunner
{
    /// <summary>The dialect the queries are written in (decisions such as ranking instead of an ordered-set aggregate follow it).</summary>
    public abstract ISqlDialect Dialect { get; }

    /// <summary>Queries sent so far.</summary>
    public int Queries { get; private set; }

    /// <summary>Rows received so far.</summary>
    public long RowsReceived { get; private set; }

    /// <summary>The columns of a relation with their engine types.</summary>
    public abstract IReadOnlyList<SqlColumn> Columns(SqlRelation relation);

    /// <summary>Runs a query written by <paramref name="query"/> for the dialect and returns its rows.</summary>
    public IReadOnlyList<object?[]> Run(Func<ISqlDialect, string> query, int maxRows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = Execute(query, maxRows);
        Queries++;
        RowsReceived += rows.Count;
        return rows;
    }

    /// <summary>The one row of an aggregate query.</summary>
    public object?[] Row(Func<ISqlDialect, string> query) =>
        Run(query, 1) is [var row] ? row : throw new InvalidOperationException("The aggregate query returned no row.");

    /// <summary>Runs the query.</summary>
    protected abstract IReadOnlyList<object?[]> Execute(Func<ISqlDialect, string> query, int maxRows);

    /// <summary>A runner over a session: queries in the session's own dialect.</summary>
    public static PushdownRunner Over(SqlSession session) => new SessionRunner(session);

    private sealed class SessionRunner(SqlSession session) : PushdownRunner
    {
        public override ISqlDialect Dialect => session.Dialect;

        public override IReadOnlyList<SqlColumn> Columns(SqlRelation relation) => session.Columns(relation.ForColumns(session.Dialect));

        protected override IReadOnlyList<object?[]> Execute(Func<ISqlDialect, string> query, int maxRows) => session.Query(query(session.Dialect), maxRows);
    }
}
