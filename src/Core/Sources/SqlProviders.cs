using ModelGates.Sql;

namespace ModelGates.Sources;

/// <summary>
/// The providers a connection can name, each a <see cref="SqlSession"/> class and its dialect. The next provider
/// (ADBC, ODBC) is one more entry here.
/// </summary>
internal static class SqlProviders
{
    /// <summary>The provider names, as a config writes them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["postgres"];

    /// <summary>True when <paramref name="provider"/> is one of <see cref="Names"/>.</summary>
    public static bool IsKnown(string provider) => Names.Contains(provider, StringComparer.Ordinal);

    /// <summary>Opens a session of the connection's provider.</summary>
    /// <exception cref="Data.DataReadException">The server cannot be reached or refuses the login.</exception>
    public static SqlSession Open(ConnectionDeclaration connection, string connectionString, TimeSpan? statementTimeout) => connection.Provider switch
    {
        "postgres" => PostgresSession.Open(connection.Name, connectionString, statementTimeout, connection.Location),
        _ => throw new InvalidOperationException($"Provider '{connection.Provider}' is not known; the config reader checks it."),
    };
}
