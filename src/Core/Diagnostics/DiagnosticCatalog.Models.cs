namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG400x: metric thresholds (exit code 1 when an error).

    /// <summary>MG4001: a metric is below its minimum.</summary>
    public static readonly DiagnosticDescriptor MetricBelowMinimum = new("MG4001", "Metric below its minimum", Severity.Error);

    /// <summary>MG4002: a metric is above its maximum.</summary>
    public static readonly DiagnosticDescriptor MetricAboveMaximum = new("MG4002", "Metric above its maximum", Severity.Error);

    /// <summary>MG4003: a metric dropped more than allowed against the baseline.</summary>
    public static readonly DiagnosticDescriptor MetricRegressed = new("MG4003", "Metric regressed against the baseline", Severity.Error);

    /// <summary>MG4004: the gap of a metric between slices is larger than allowed.</summary>
    public static readonly DiagnosticDescriptor SliceGapTooLarge = new("MG4004", "Gap between slices too large", Severity.Error);

    /// <summary>MG4005: a metric with a threshold has no value on the evaluation rows (never a pass).</summary>
    public static readonly DiagnosticDescriptor MetricUndefined = new("MG4005", "Metric undefined", Severity.Error);

    /// <summary>MG4006: a slice has fewer rows than minSliceRows; it is reported but not gated.</summary>
    public static readonly DiagnosticDescriptor SliceTooSmall = new("MG4006", "Slice too small to gate", Severity.Info);

    /// <summary>MG4007: a change threshold has no baseline to compare with (run modelgates accept).</summary>
    public static readonly DiagnosticDescriptor BaselineMissing = new("MG4007", "No baseline to compare with", Severity.Error);

    /// <summary>MG4008: the baseline was measured on other data than the current evaluation.</summary>
    public static readonly DiagnosticDescriptor BaselineDataDiffers = new("MG4008", "Baseline measured on other data", Severity.Warning);

    /// <summary>MG4009: a regression beyond the threshold is not statistically significant, so the threshold passes.</summary>
    public static readonly DiagnosticDescriptor RegressionNotSignificant = new("MG4009", "Regression not significant", Severity.Info);

    // MG401x: models and their inputs (exit code 3 unless noted).

    /// <summary>MG4010: a model file cannot be loaded (not an ML.NET model, corrupt, unreadable).</summary>
    public static readonly DiagnosticDescriptor ModelUnreadable = new("MG4010", "Model cannot be loaded", Severity.Error);

    /// <summary>MG4011: a model needs a component whose assembly is not deployed with ModelGates.</summary>
    public static readonly DiagnosticDescriptor ModelComponentMissing = new("MG4011", "Model component not available", Severity.Error);

    /// <summary>MG4012: a model was saved without its input schema.</summary>
    public static readonly DiagnosticDescriptor ModelInputSchemaMissing = new("MG4012", "Model saved without input schema", Severity.Error);

    /// <summary>MG4013: the data does not fit the model's input schema (missing column, inconvertible values).</summary>
    public static readonly DiagnosticDescriptor ModelInputMismatch = new("MG4013", "Data does not fit the model's input", Severity.Error);

    /// <summary>MG4014: the model's outputs do not fit the declared task (exit code 2).</summary>
    public static readonly DiagnosticDescriptor ModelOutputMismatch = new("MG4014", "Model outputs do not fit the task", Severity.Error);

    /// <summary>MG4015: the model failed while scoring the data.</summary>
    public static readonly DiagnosticDescriptor ScoringFailed = new("MG4015", "Scoring failed", Severity.Error);

    // MG402x: labels and predictions (exit code 3).

    /// <summary>MG4020: label values cannot be used (missing, not two classes, unknown class, not numeric).</summary>
    public static readonly DiagnosticDescriptor LabelsUnusable = new("MG4020", "Label values cannot be used", Severity.Error);

    /// <summary>MG4021: predicted values cannot be used (missing, not a number, probability outside [0, 1]).</summary>
    public static readonly DiagnosticDescriptor PredictionsUnusable = new("MG4021", "Predicted values cannot be used", Severity.Error);

    /// <summary>MG4022: a column named for the label, scores or a slice is not in the data.</summary>
    public static readonly DiagnosticDescriptor EvaluationColumnMissing = new("MG4022", "Evaluation column not found", Severity.Error);

    // MG403x: baselines and slices.

    /// <summary>MG4030: a baseline metrics file is not a valid ModelGates baseline (exit code 3).</summary>
    public static readonly DiagnosticDescriptor BaselineInvalid = new("MG4030", "Invalid baseline file", Severity.Error);

    /// <summary>MG4031: a slice's SQL predicate is not valid over the evaluation data (exit code 2).</summary>
    public static readonly DiagnosticDescriptor SliceInvalid = new("MG4031", "Invalid slice", Severity.Error);
}
