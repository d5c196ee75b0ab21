namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG003x: drift options (exit code 2).

    /// <summary>MG0030: a drift test id is not known.</summary>
    public static readonly DiagnosticDescriptor UnknownDriftTest = new("MG0030", "Unknown drift test", Severity.Error);

    /// <summary>MG0031: a drift test set for a column does not apply to the column's kind.</summary>
    public static readonly DiagnosticDescriptor DriftTestNotApplicable = new("MG0031", "Drift test does not apply to the column", Severity.Error);

    /// <summary>MG0032: a drift test needs the reference's raw values, which a reference profile does not hold.</summary>
    public static readonly DiagnosticDescriptor DriftTestNeedsRawReference = new("MG0032", "Drift test needs the raw reference", Severity.Error);

    /// <summary>MG0033: drift options name a column the reference does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownDriftColumn = new("MG0033", "Unknown column in drift options", Severity.Error);

    /// <summary>MG0034: a drift option has a value that is not allowed (a threshold out of range, a negative weight...).</summary>
    public static readonly DiagnosticDescriptor InvalidDriftOption = new("MG0034", "Invalid drift option", Severity.Error);

    // MG3xxx: drift findings.

    /// <summary>MG3001: a column's distribution drifted: the change is statistically significant and its effect is at least the threshold.</summary>
    public static readonly DiagnosticDescriptor ColumnDrifted = new("MG3001", "Column drifted", Severity.Error);

    /// <summary>MG3002: the share of drifted columns reached the dataset rule.</summary>
    public static readonly DiagnosticDescriptor DatasetDrifted = new("MG3002", "Dataset drifted", Severity.Error);

    /// <summary>MG3003: a column's share of missing values changed significantly and by at least the threshold.</summary>
    public static readonly DiagnosticDescriptor MissingShareDrifted = new("MG3003", "Missing share drifted", Severity.Error);

    /// <summary>MG3004: a column has too few values on one side to be tested for drift.</summary>
    public static readonly DiagnosticDescriptor InsufficientDriftData = new("MG3004", "Insufficient data for a drift test", Severity.Warning);

    /// <summary>MG3005: a column of the reference is missing from the current data.</summary>
    public static readonly DiagnosticDescriptor DriftColumnMissing = new("MG3005", "Reference column missing from the current data", Severity.Error);

    /// <summary>MG3006: a column holds a different kind of values in the current data than in the reference.</summary>
    public static readonly DiagnosticDescriptor DriftColumnKindChanged = new("MG3006", "Column kind changed", Severity.Error);

    /// <summary>MG3007: the current data has a column the reference does not have; it is not compared.</summary>
    public static readonly DiagnosticDescriptor DriftColumnNotInReference = new("MG3007", "Column not in the reference", Severity.Info);

    /// <summary>MG3008: a column is not compared (free text, or excluded by a per-column setting).</summary>
    public static readonly DiagnosticDescriptor DriftColumnNotCompared = new("MG3008", "Column not compared", Severity.Info);

    /// <summary>MG3009: the test asked for does not apply to a column, which is compared with the automatic choice instead.</summary>
    public static readonly DiagnosticDescriptor DriftTestFallback = new("MG3009", "Drift test replaced by the automatic choice", Severity.Info);

    /// <summary>MG3010: a column was judged not drifted, but its sizes are too small to detect an effect of the threshold's size (the minimum detectable effect is above it).</summary>
    public static readonly DiagnosticDescriptor DriftEffectUndetectable = new("MG3010", "Sample too small to detect the effect threshold", Severity.Warning);

    /// <summary>MG3020: the domain classifier tells current rows from reference rows: its out-of-fold AUC interval lies above the threshold.</summary>
    public static readonly DiagnosticDescriptor DomainClassifierDrift = new("MG3020", "Domain classifier separates current rows from reference rows", Severity.Error);

    /// <summary>MG3021: the PCA reconstruction error of the current rows differs from the reference's beyond the threshold.</summary>
    public static readonly DiagnosticDescriptor ReconstructionDrift = new("MG3021", "PCA reconstruction error changed", Severity.Error);

    /// <summary>MG3022: a multivariate drift check did not run (a side is a profile, too few rows or usable columns); the message says why.</summary>
    public static readonly DiagnosticDescriptor MultivariateNotRun = new("MG3022", "Multivariate drift check not run", Severity.Info);
}
