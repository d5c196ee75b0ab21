namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG2100-MG2139: quality checks and the review loop (docs/quality.md).

    /// <summary>MG2100: rows that repeat an earlier row exactly (key columns aside).</summary>
    public static readonly DiagnosticDescriptor DuplicateRows = new("MG2100", "Duplicate rows", Severity.Warning);

    /// <summary>MG2101: rows with identical features and different labels.</summary>
    public static readonly DiagnosticDescriptor ConflictingLabels = new("MG2101", "Conflicting labels", Severity.Warning);

    /// <summary>MG2102: rows of the data that are also in the reference (training) data.</summary>
    public static readonly DiagnosticDescriptor TrainTestLeakage = new("MG2102", "Rows leaked from training", Severity.Error);

    /// <summary>MG2103: a column with a single value.</summary>
    public static readonly DiagnosticDescriptor SingleValueColumn = new("MG2103", "Single-value column", Severity.Warning);

    /// <summary>MG2104: a column that holds numbers and text.</summary>
    public static readonly DiagnosticDescriptor MixedTypes = new("MG2104", "Mixed types in a column", Severity.Warning);

    /// <summary>MG2105: a column that spells missing values several ways.</summary>
    public static readonly DiagnosticDescriptor MixedNullSpellings = new("MG2105", "Mixed missing-value spellings", Severity.Warning);

    /// <summary>MG2106: one value spelled several ways (case, surrounding spaces).</summary>
    public static readonly DiagnosticDescriptor ValueSpellings = new("MG2106", "Value spelled several ways", Severity.Warning);

    /// <summary>MG2107: a single feature predicts the label too well (identifier or time leakage).</summary>
    public static readonly DiagnosticDescriptor FeatureLeakage = new("MG2107", "Feature predicts the label alone", Severity.Warning);

    /// <summary>MG2108: the newest timestamp is older than allowed.</summary>
    public static readonly DiagnosticDescriptor StaleData = new("MG2108", "Stale data", Severity.Error);

    /// <summary>MG2109: fewer rows per period than the reference has.</summary>
    public static readonly DiagnosticDescriptor LowVolume = new("MG2109", "Low volume", Severity.Warning);

    /// <summary>MG2110: a review decision has expired; its row counts again.</summary>
    public static readonly DiagnosticDescriptor ReviewDecisionExpired = new("MG2110", "Review decision expired", Severity.Warning);

    /// <summary>MG2111: a reviewed row changed since it was reviewed; its decision no longer applies.</summary>
    public static readonly DiagnosticDescriptor ReviewedRowChanged = new("MG2111", "Reviewed row changed", Severity.Warning);

    // MG0180-MG0189: usage, configuration and bad input of the quality checks.

    /// <summary>MG0180: the label column is not in the data.</summary>
    public static readonly DiagnosticDescriptor QualityLabelMissing = new("MG0180", "Label column missing", Severity.Error);

    /// <summary>MG0181: the label has a single class.</summary>
    public static readonly DiagnosticDescriptor QualitySingleClassLabel = new("MG0181", "Label with one class", Severity.Error);

    /// <summary>MG0182: a column holds no value at all.</summary>
    public static readonly DiagnosticDescriptor QualityAllMissingColumn = new("MG0182", "All-missing column", Severity.Error);

    /// <summary>MG0183: the key columns do not identify rows: a key occurs twice.</summary>
    public static readonly DiagnosticDescriptor QualityDuplicateKey = new("MG0183", "Duplicate key", Severity.Error);

    /// <summary>MG0184: a key or timestamp column is not in the data.</summary>
    public static readonly DiagnosticDescriptor QualityColumnMissing = new("MG0184", "Quality column missing", Severity.Error);

    /// <summary>MG0185: a quality option is invalid (an unknown check, a threshold out of range, an unreadable age).</summary>
    public static readonly DiagnosticDescriptor InvalidQualityOption = new("MG0185", "Invalid quality option", Severity.Error);

    /// <summary>MG0186: a review decisions file cannot be read.</summary>
    public static readonly DiagnosticDescriptor InvalidReviewFile = new("MG0186", "Invalid review file", Severity.Error);

    /// <summary>MG0187: the reference lacks columns of the data, or the timestamp holds no readable time.</summary>
    public static readonly DiagnosticDescriptor QualityReferenceMismatch = new("MG0187", "Reference does not match", Severity.Error);
}
