using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>
/// One throwaway PostgreSQL server for the database tests of the CLI, with the sample's scoring data loaded as
/// <c>public.applications</c> (the same rows as samples/CreditRisk/data/scoring.csv) and a copy whose amounts break
/// the contract (<c>public.broken</c>).
/// </summary>
public sealed class DatabaseFixture : IDisposable
{
    /// <summary>The variable the tests' connections read.</summary>
    public const string Variable = "MODELGATES_WAREHOUSE";

    public DatabaseFixture()
    {
        Server = new PostgresServer();
        ConnectionString = PostgresCreditTables.Create(Server, "warehouse");
    }

    public PostgresServer Server { get; }

    /// <summary>The connection string of the loaded database (holds <see cref="PostgresServer.Password"/>).</summary>
    public string ConnectionString { get; }

    /// <summary>The environment a CLI run gets: the connection string in <see cref="Variable"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { [Variable] = ConnectionString };

    public void Dispose() => Server.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "PostgreSQL";
}
