namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG0230-MG0234 and MG6050-MG6054: a monitor's history on a connection (docs/monitoring.md#the-history-in-a-warehouse).

    /// <summary>MG0230: a monitor's <c>history</c> is neither a file path nor an object naming a connection and a plain schema name.</summary>
    public static readonly DiagnosticDescriptor InvalidMonitorHistory = new("MG0230", "Invalid monitor history", Severity.Error);

    /// <summary>MG6050: the history's tables on a connection cannot be created, read or written (no permission, another schema version, a damaged record; exit code 3).</summary>
    public static readonly DiagnosticDescriptor HistoryTablesUnusable = new("MG6050", "History tables cannot be used", Severity.Error);
}
