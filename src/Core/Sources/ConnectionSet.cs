using ModelGates.Diagnostics;
using ModelGates.Sql;

namespace ModelGates.Sources;

/// <summary>
/// The connections a run may use (a config's <c>"connections"</c>, the command line's <c>--connection</c>), and
/// the command line's statement timeout, which wins over a connection's own. It holds the names of the environment
/// variables, never a connection string.
/// </summary>
public sealed class ConnectionSet
{
    private readonly Dictionary<string, ConnectionDeclaration> connections;

    /// <summary>Creates the set; a later declaration of a name replaces an earlier one (the command line after the config).</summary>
    internal ConnectionSet(IEnumerable<ConnectionDeclaration> connections, TimeSpan? statementTimeout = null)
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

    /// <summary>The statement timeout every connection uses (the command line's), or null to keep each one's.</summary>
    public TimeSpan? StatementTimeout { get; }

    /// <summary>
    /// The connections of a command line: each <c>--connection NAME=PROVIDER:env:VARIABLE</c>, after those of the
    /// config file given (its <c>"connections"</c> only), and <c>--statement-timeout</c>.
    /// </summary>
    /// <param name="connections">The values of <c>--connection</c>.</param>
    /// <param name="configFile">A modelgates.json to take connections from, or null.</param>
    /// <param name="statementTimeout">The value of <c>--statement-timeout</c>, or null.</param>
    /// <exception cref="ConfigurationException">A value is wrong (MG0004, MG0035, MG0036, MG0038) or the config is (exit code 2).</exception>
    public static ConnectionSet FromCommandLine(IReadOnlyList<string> connections, string? configFile, string? statementTimeout) =>
        CommandLineConnections.Read(connections, configFile, statementTimeout);

    /// <summary>
    /// The dataset a data argument names when it is a database's: <c>table:CONNECTION.TABLE</c> (<c>TABLE</c> being
    /// <c>name</c> or <c>schema.name</c>) or <c>sql:CONNECTION:QUERY</c>; null for anything else (a file or glob).
    /// </summary>
    /// <exception cref="ConfigurationException">The connection is not declared (MG0037) or the argument is malformed (MG0004).</exception>
    public Data.DatasetSource? DataArgument(string argument) => CommandLineConnections.DataArgument(this, argument);

    /// <summary>The declared names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. connections.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The connection of that name, or null.</summary>
    internal ConnectionDeclaration? Find(string name) => connections.GetValueOrDefault(name);

    /// <summary>The connection of that name, or MG0037 (exit code 2) with a did-you-mean.</summary>
    /// <exception cref="ConfigurationException">No connection has that name.</exception>
    internal ConnectionDeclaration Get(string name, SourceLocation? usedAt = null) =>
        Find(name) ?? throw new ConfigurationException(Unknown(name, Names) with { File = usedAt?.File, Line = usedAt?.Line, SourceColumn = usedAt?.Column });

    /// <summary>The timeout a session of that connection gets: the command line's, the connection's, or the provider's default.</summary>
    internal TimeSpan? TimeoutOf(ConnectionDeclaration connection) => StatementTimeout ?? connection.StatementTimeout;

    /// <summary>Opens a session: reads the connection string from its variable, then connects.</summary>
    /// <exception cref="ConfigurationException">The variable is not set (MG0036).</exception>
    /// <exception cref="Data.DataReadException">The server cannot be reached or refuses the login (MG0120, MG0121, MG0127).</exception>
    internal SqlSession Open(string name)
    {
        var connection = Get(name);
        return SqlProviders.Open(connection, ConnectionStringReference.Read(connection), TimeoutOf(connection));
    }

    /// <summary>MG0037 for a name no connection has.</summary>
    internal static Diagnostic Unknown(string name, IReadOnlyList<string> known)
    {
        var suggestion = Configuration.Json.DidYouMean.Suggest(name, known);
        var hint = suggestion is not null ? $" Did you mean '{suggestion}'?"
            : known.Count == 0 ? " No connection is declared: add it under \"connections\" in modelgates.json or with --connection."
            : $" Declared connections: {string.Join(", ", known)}.";
        return DiagnosticCatalog.UnknownConnection.Create($"Connection '{name}' is not declared.{hint}");
    }
}
