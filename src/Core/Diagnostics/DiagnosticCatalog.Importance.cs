namespace ModelGates.Diagnostics;

/// <summary>Codes of permutation feature importance and its gates (docs/explainability.md).</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>MG0200: an <c>importance</c> block that cannot be measured (a gate that reads a predictions file has no model to shuffle inputs of).</summary>
    public static readonly DiagnosticDescriptor ImportanceNeedsModel = new("MG0200", "Importance needs a model", Severity.Error);

    /// <summary>MG0201: an importance <c>shift</c> without a baseline to compare with.</summary>
    public static readonly DiagnosticDescriptor ImportanceShiftNeedsBaseline = new("MG0201", "Importance shift needs a baseline", Severity.Error);

    /// <summary>MG0202: a drift gate's <c>weights</c> names no model gate with an <c>importance</c> block.</summary>
    public static readonly DiagnosticDescriptor ImportanceWeightsSource = new("MG0202", "Unknown importance for drift weights", Severity.Error);

    /// <summary>MG4050: a forbidden column is among the model's most important columns.</summary>
    public static readonly DiagnosticDescriptor ForbiddenFeatureImportant = new("MG4050", "Forbidden feature drives the model", Severity.Error);

    /// <summary>MG4051: the importances' rank correlation with the baseline's is below the gate's minimum.</summary>
    public static readonly DiagnosticDescriptor ImportanceRankShift = new("MG4051", "Importance ranking shifted", Severity.Error);

    /// <summary>MG4052: more columns entered the top k than the gate allows.</summary>
    public static readonly DiagnosticDescriptor ImportanceTopKChanged = new("MG4052", "Top features changed", Severity.Error);

    /// <summary>MG4053: the shift checks did not run: the baseline holds no importances (or ones of another metric).</summary>
    public static readonly DiagnosticDescriptor ImportanceBaselineMissing = new("MG4053", "No baseline importances", Severity.Info);
}
