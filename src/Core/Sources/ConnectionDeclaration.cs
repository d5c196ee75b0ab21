namespace ModelGates.Sources;

/// <summary>
/// A named database connection (<c>"connections"</c> in modelgates.json, or <c>--connection</c>): its provider and
/// the environment variable its connection string is read from. The string itself is never held here, so no
/// record, log or result can carry it; it is read when the session opens.
/// </summary>
/// <param name="Name">The name datasets refer to.</param>
/// <param name="Provider">The provider (<c>postgres</c>).</param>
/// <param name="Variable">The environment variable that holds the connection string.</param>
internal sealed record ConnectionDeclaration(string Name, string Provider, string Variable)
{
    /// <summary>The server-side limit of one statement, or null for the provider's default.</summary>
    public TimeSpan? StatementTimeout { get; init; }

    /// <summary>Where the connection is declared.</summary>
    public SourceLocation? Location { get; init; }
}
