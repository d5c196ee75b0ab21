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
    // MG215x-MG216x: data quality, label errors and outliers (docs/quality-label-errors.md).

    /// <summary>MG2150: confident learning flags rows whose label is likely wrong (a finding to review).</summary>
    public static readonly DiagnosticDescriptor LabelErrorsFound = new("MG2150", "Likely label errors", Severity.Warning);

    /// <summary>MG2151: rows unlike the rest of the data (multivariate outliers, a finding to review).</summary>
    public static readonly DiagnosticDescriptor OutliersFound = new("MG2151", "Multivariate outliers", Severity.Warning);

    /// <summary>MG2152: too few rows, or too few rows of some class, for K folds (exit code 3).</summary>
    public static readonly DiagnosticDescriptor TooFewRowsForFolds = new("MG2152", "Too few rows for the folds", Severity.Error);

    /// <summary>MG2153: the label has fewer than two classes, or missing values (exit code 3).</summary>
    public static readonly DiagnosticDescriptor LabelErrorsLabelUnusable = new("MG2153", "Label cannot be checked for errors", Severity.Error);

    /// <summary>MG2154: a categorical column has too many distinct values for the outlier method (exit code 3).</summary>
    public static readonly DiagnosticDescriptor OutlierCardinalityTooHigh = new("MG2154", "Cardinality too high for outlier detection", Severity.Error);

    /// <summary>MG2155: an out-of-fold predictions file cannot be used: a key or class column missing, a row unmatched, a probability outside [0, 1] (exit code 3).</summary>
    public static readonly DiagnosticDescriptor OutOfFoldPredictionsUnusable = new("MG2155", "Out-of-fold predictions cannot be used", Severity.Error);

    /// <summary>MG2156: a label or feature column of a quality check is not in the data (exit code 3).</summary>
    public static readonly DiagnosticDescriptor DetectorColumnMissing = new("MG2156", "Quality check column not found", Severity.Error);

    /// <summary>MG2157: an option of the label-error or outlier check is invalid: folds, trainer, sample size, neighbours (exit code 2).</summary>
    public static readonly DiagnosticDescriptor QualityOptionInvalid = new("MG2157", "Invalid label-error or outlier option", Severity.Error);

    /// <summary>MG2158: the model behind the out-of-fold probabilities failed to train (exit code 3).</summary>
    public static readonly DiagnosticDescriptor OutOfFoldTrainingFailed = new("MG2158", "Out-of-fold model failed to train", Severity.Error);
}
