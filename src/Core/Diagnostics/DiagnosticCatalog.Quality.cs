namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
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
    public static readonly DiagnosticDescriptor QualityColumnMissing = new("MG2156", "Quality check column not found", Severity.Error);

    /// <summary>MG2157: an option of the label-error or outlier check is invalid: folds, trainer, sample size, neighbours (exit code 2).</summary>
    public static readonly DiagnosticDescriptor QualityOptionInvalid = new("MG2157", "Invalid label-error or outlier option", Severity.Error);

    /// <summary>MG2158: the model behind the out-of-fold probabilities failed to train (exit code 3).</summary>
    public static readonly DiagnosticDescriptor OutOfFoldTrainingFailed = new("MG2158", "Out-of-fold model failed to train", Severity.Error);
}
