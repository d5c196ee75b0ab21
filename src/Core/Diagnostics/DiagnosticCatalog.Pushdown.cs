namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG0124, MG014x: pushdown to a SQL engine (profiles and drift gates over a table or query).

    /// <summary>MG0124: a column of a table or query has a type the engine cannot profile (bytea, json, arrays, geometry...).</summary>
    public static readonly DiagnosticDescriptor UnprofilableColumnType = new("MG0124", "Column type cannot be profiled", Severity.Error);

    /// <summary>MG0140: the engine rejected a pushdown query (its own message, no secret).</summary>
    public static readonly DiagnosticDescriptor PushdownQueryFailed = new("MG0140", "Pushdown query failed", Severity.Error);

    /// <summary>MG0141: a drift test needs the current data's raw values, which pushdown does not bring out of the engine.</summary>
    public static readonly DiagnosticDescriptor DriftTestNeedsRawCurrent = new("MG0141", "Drift test needs the raw current data", Severity.Error);

    /// <summary>MG0142: a drift gate over a table or query was given raw reference data instead of a reference profile.</summary>
    public static readonly DiagnosticDescriptor PushdownNeedsProfileReference = new("MG0142", "Pushdown drift needs a reference profile", Severity.Error);
}
