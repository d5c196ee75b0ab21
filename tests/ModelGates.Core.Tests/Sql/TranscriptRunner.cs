using System.Text;
using ModelGates.Sql;
using ModelGates.Sql.Pushdown;

namespace ModelGates.Tests.Sql;

/// <summary>
/// Records each pushdown query as written for a target dialect (Spark SQL, Trino, Snowflake, or the executed ones)
/// while the embedded DuckDB answers the same logical query written in its own dialect.
/// </summary>
internal sealed class TranscriptRunner(ISqlDialect target, DuckDbSession engine) : PushdownRunner
{
    private readonly StringBuilder transcript = new();

    public override ISqlDialect Dialect => target;

    /// <summary>The queries so far, each ending in a semicolon and a blank line.</summary>
    public string Transcript => transcript.ToString();

    public override IReadOnlyList<SqlColumn> Columns(SqlRelation relation)
    {
        var columns = engine.Columns(relation.ForColumns(engine.Dialect));
        transcript.Append("-- columns of ").Append(relation.ForColumns(target)).Append(": ")
            .AppendJoin(", ", columns.Select(c => $"{c.Name} {c.EngineType}")).Append("\n\n");
        return columns;
    }

    protected override IReadOnlyList<object?[]> Execute(Func<ISqlDialect, string> query, int maxRows)
    {
        transcript.Append("-- query ").Append(Queries + 1).Append('\n').Append(query(target)).Append(";\n\n");
        return engine.Query(query(engine.Dialect), maxRows);
    }
}
