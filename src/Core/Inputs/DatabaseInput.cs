using ModelGates.Sources;
using ModelGates.Sql;

namespace ModelGates.Inputs;

/// <summary>
/// A dataset that lives in a database, as <see cref="InputPipeline.ReadDatabase"/> hands it to pushdown: the run's
/// session on its connection and the relation. Nothing of its rows is read here; pushdown sends the queries.
/// </summary>
internal sealed class DatabaseInput
{
    private IReadOnlyList<SqlColumn>? columns;

    internal DatabaseInput(DatabaseSource source, SqlSession session)
    {
        Source = source;
        Session = session;
        Relation = source.ToSqlRelation();
        FromItem = source.FromItem(session.Dialect);
    }

    /// <summary>What was named: connection and table or query.</summary>
    public DatabaseSource Source { get; }

    /// <summary>The run's session on the dataset's connection (owned by the pipeline).</summary>
    public SqlSession Session { get; }

    /// <summary>The relation as the pushdown profiler takes it.</summary>
    public SqlRelation Relation { get; }

    /// <summary>The relation as a FROM item (a quoted table name, or the query with an alias), for contracts.</summary>
    public string FromItem { get; }

    /// <summary>The columns with the engine's type names, in the relation's order (described once, by a query that reads no row).</summary>
    public IReadOnlyList<SqlColumn> Columns => columns ??= Session.Columns(Relation.ForColumns(Session.Dialect));

    /// <summary>How messages name it (<c>table:warehouse.public.applications</c>).</summary>
    public string Display => Source.Display;

    /// <summary>
    /// The dataset hash of what a gate checked (there are no file bytes): SHA-256 over the provider, the relation as
    /// written, the columns with their engine types, and the aggregates the gate got back, written canonically by the
    /// caller (a profile's JSON, a contract's measured values). Same content, same hash, whatever the server or the
    /// connection's name.
    /// </summary>
    public string Hash(ReadOnlySpan<byte> aggregates) => DatasetHash.OfDatabase(Session.Provider, Source.RelationText, Columns, aggregates);
}
