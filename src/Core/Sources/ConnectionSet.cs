using ModelGates.Diagnostics;
using ModelGates.Sql;

namespace ModelGates.Sources;

/// <summary>
/// The connections a run may use (a config's <c>"connections"</c>, the command line's <c>--connection</c>), and
/// the command line's statement timeout, which wins over a connection's own.
/// </summary>
internal sealed class ConnectionSet
{
    private readonly Dictionary<string, ConnectionDeclaration> connections;

    /// <summary>Creates the set; a later declaration of a name replaces an earlier one (the command line after the config).</summary>
    public ConnectionSet(IEnumerable<ConnectionDeclaration> connections, TimeSpan? statementTimeout = null)
    {
        this.connections = new(StringComparer.Ordinal);
        foreach (var connection in connections)
        {
            this.connections[connection.Name] = connection;
        }

        StatementTimeout = statementTimeout;
    }

    /// <summary>No connections.</summary>
    public static ConnectionSet Empty { get; } = new([]);

    /// <summary>The statement timeout every connection uses, or null to keep each one's.</summary>
    public TimeSpan? StatementTimeout { get; }

    /// <summary>The declared names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. connections.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The connection of that name, or null.</summary>
    public ConnectionDeclaration? Find(string name) => connections.GetValueOrDefault(name);

    /// <summary>The connection of that name, or MG0037 (exit code 2) with a did-you-mean.</summary>
    /// <exception cref="ConfigurationException">No connection has that name.</exception>
    public ConnectionDeclaration Get(string name, SourceLocation? usedAt = null) =>
        Find(name) ?? throw new ConfigurationException(Unknown(name, Names) with { File = usedAt?.File, Line = usedAt?.Line, SourceColumn = usedAt?.Column });

    /// <summary>The timeout a session of that connection gets: the command line's, the connection's, or the provider's default.</summary>
    public TimeSpan? TimeoutOf(ConnectionDeclaration connection) => StatementTimeout ?? connection.StatementTimeout;

    /// <summary>Opens a session: reads the connection string from its variable, then connects.</summary>
    /// <exception cref="ConfigurationException">The variable is not set (MG0036).</exception>
    /// <exception cref="Data.DataReadException">The server cannot be reached or refuses the login (MG0120, MG0121, MG0127).</exception>
    public SqlSession Open(string name)
    {
        var connection = Get(name);
        return SqlProviders.Open(connection, ConnectionStringReference.Read(connection), TimeoutOf(connection));
    }

    /// <summary>MG0037 for a name no connection has.</summary>
    public static Diagnostic Unknown(string name, IReadOnlyList<string> known)
    {
        var suggestion = Configuration.Json.DidYouMean.Suggest(name, known);
        var hint = suggestion is not null ? $" Did you mean '{suggestion}'?"
            : known.Count == 0 ? " No connection is declared: add it under \"connections\" in modelgates.json or with --connection."
            : $" Declared connections: {string.Join(", ", known)}.";
        return DiagnosticCatalog.UnknownConnection.Create($"Connection '{name}' is not declared.{hint}");
    }
}
