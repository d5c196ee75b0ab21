namespace ModelGates.Diagnostics;

/// <summary>Codes of model-gate slices computed on a SQL engine (pushdown).</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>MG4032: a metric or interval a gate asks for cannot be computed exactly in the database, and is not reported.</summary>
    public static readonly DiagnosticDescriptor MetricNotPushedDown = new("MG4032", "Metric not computed in the database", Severity.Warning);

    /// <summary>MG4033: a predictions table holds a row the metrics cannot use (a missing or non-0/1 label, a missing or non-finite score, a probability outside [0, 1]) (exit code 3).</summary>
    public static readonly DiagnosticDescriptor PredictionsTableInvalid = new("MG4033", "Invalid predictions table", Severity.Error);
}
