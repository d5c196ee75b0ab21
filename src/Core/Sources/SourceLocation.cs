namespace ModelGates.Sources;

/// <summary>Where a database dataset or connection is declared, so its errors point there.</summary>
/// <param name="File">The config file, as given by the user.</param>
/// <param name="Line">The 1-based line of the declaration, when known.</param>
/// <param name="Column">The 1-based character column, when known.</param>
internal sealed record SourceLocation(string File, int? Line = null, int? Column = null);
