namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG600x: monitoring windows, their history and the retraining trigger (docs/monitoring.md).

    /// <summary>MG6001: enough recent windows of a monitor breached, the cooldown since the last promotion has elapsed and enough new labelled rows exist: retrain.</summary>
    public static readonly DiagnosticDescriptor RetrainingDue = new("MG6001", "Retraining due", Severity.Error);

    /// <summary>MG6002: one window of a monitor breached (its data drifted, or a realized metric fell below the model gate's floor).</summary>
    public static readonly DiagnosticDescriptor WindowBreached = new("MG6002", "Monitoring window breached", Severity.Info);

    /// <summary>MG6003: a window has fewer rows than the monitor's <c>minRows</c>; it counts as neither a pass nor a breach.</summary>
    public static readonly DiagnosticDescriptor WindowInsufficient = new("MG6003", "Monitoring window has too few rows", Severity.Info);

    /// <summary>MG6004: the monitor's timestamp column is missing from its data or is not a date or timestamp (exit code 3).</summary>
    public static readonly DiagnosticDescriptor InvalidTimestampColumn = new("MG6004", "Invalid timestamp column", Severity.Error);

    /// <summary>MG6005: rows without a timestamp belong to no window; they are counted and reported, never dropped silently.</summary>
    public static readonly DiagnosticDescriptor RowsWithoutTimestamp = new("MG6005", "Rows without a timestamp", Severity.Warning);

    /// <summary>MG6006: the monitoring history file cannot be opened, read or written (exit code 3).</summary>
    public static readonly DiagnosticDescriptor HistoryUnreadable = new("MG6006", "Monitoring history cannot be used", Severity.Error);

    /// <summary>MG6007: the monitor's label or score column is missing from its data (exit code 3).</summary>
    public static readonly DiagnosticDescriptor MonitorColumnMissing = new("MG6007", "Monitor column missing", Severity.Error);

    // MG6070-MG6074: multiclass models in monitors (docs/monitoring.md#multiclass-models).

    /// <summary>MG6070: a window's labelled rows hold a label that is not one of the monitor's <c>probabilities</c> classes, or probabilities that are not a distribution (exit code 3).</summary>
    public static readonly DiagnosticDescriptor MonitorMulticlassRowsInvalid = new("MG6070", "Multiclass window rows unusable", Severity.Error);
}
