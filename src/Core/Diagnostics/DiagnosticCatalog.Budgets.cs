namespace ModelGates.Diagnostics;

/// <summary>Codes of a model gate's resource budgets (docs/evaluate.md#resource-budgets).</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>MG4040: a model exceeds a resource budget (size, scoring latency or throughput, training time or memory).</summary>
    public static readonly DiagnosticDescriptor BudgetExceeded = new("MG4040", "Resource budget exceeded", Severity.Error);

    /// <summary>MG4041: a budgeted resource cannot be measured (training cost without a lineage record that holds it).</summary>
    public static readonly DiagnosticDescriptor BudgetNotMeasurable = new("MG4041", "Resource not measurable", Severity.Error);

    /// <summary>MG4061: a resource regressed against the accepted baseline beyond its measured noise and the budget's <c>maxRegression</c>.</summary>
    public static readonly DiagnosticDescriptor BudgetRegressed = new("MG4061", "Resource regressed against the baseline", Severity.Error);

    /// <summary>MG4062: a budget's <c>maxRegression</c> has no baseline measurement to compare with (no baseline file, or one accepted without the resource).</summary>
    public static readonly DiagnosticDescriptor BudgetBaselineMissing = new("MG4062", "No baseline measurement of a resource", Severity.Warning);
}
