using ModelGates.Sources;
using ModelGates.Sql;

namespace ModelGates.Inputs;

/// <summary>
/// A dataset that lives in a database, as <see cref="InputPipeline.ReadDatabase"/> hands it to pushdown: the run's
/// session on its connection, the relation as SQL and its columns as the engine describes them. Nothing of its rows
/// is read here; pushdown sends the queries.
/// </summary>
internal sealed class DatabaseInput
{
    internal DatabaseInput(DatabaseSource source, SqlSession session, IReadOnlyList<SqlColumn> columns)
    {
        Source = source;
        Session = session;
        Relation = source.Relation(session.Dialect);
        Columns = columns;
    }

    /// <summary>What was named: connection and table or query.</summary>
    public DatabaseSource Source { get; }

    /// <summary>The run's session on the dataset's connection (owned by the pipeline).</summary>
    public SqlSession Session { get; }

    /// <summary>The relation to follow <c>FROM</c>: a quoted table name or a parenthesised query.</summary>
    public string Relation { get; }

    /// <summary>The columns with the engine's type names, in the relation's order.</summary>
    public IReadOnlyList<SqlColumn> Columns { get; }

    /// <summary>How messages name it (<c>table:warehouse.public.applications</c>).</summary>
    public string Display => Source.Display;

    /// <summary>
    /// The dataset hash of what a gate checked (there are no file bytes): SHA-256 over the provider, the relation as
    /// written, the columns with their engine types, and the aggregates the gate got back, written canonically by the
    /// caller (a profile's JSON). Same table content, same hash, whatever the server or connection name.
    /// </summary>
    public string Hash(ReadOnlySpan<byte> aggregates) => DatasetHash.OfDatabase(Session.Provider, Source.RelationText, Columns, aggregates);
}
