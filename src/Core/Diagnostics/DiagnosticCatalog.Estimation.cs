namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG602x: performance estimated without labels, CBPE and DLE (docs/monitoring-estimation.md).

    /// <summary>MG6020: the labelled reference of an estimator is unusable: too few rows, or its columns differ in length (exit code 3).</summary>
    public static readonly DiagnosticDescriptor EstimationReferenceTooSmall = new("MG6020", "Reference unusable for performance estimation", Severity.Error);

    /// <summary>MG6021: the labelled reference of CBPE has too few rows of one class to calibrate and check the calibration (exit code 3).</summary>
    public static readonly DiagnosticDescriptor EstimationReferenceOneClass = new("MG6021", "Reference lacks a class for performance estimation", Severity.Error);

    /// <summary>MG6022: a score, prediction, label or feature given to an estimator is not a finite number (exit code 3).</summary>
    public static readonly DiagnosticDescriptor EstimationValueNotFinite = new("MG6022", "Value not finite in performance estimation", Severity.Error);

    /// <summary>MG6023: a window given to an estimator has no rows, or not the reference's columns (exit code 3).</summary>
    public static readonly DiagnosticDescriptor EstimationWindowInvalid = new("MG6023", "Window unusable for performance estimation", Severity.Error);
}
