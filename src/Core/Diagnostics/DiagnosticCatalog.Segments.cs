namespace ModelGates.Diagnostics;

/// <summary>Codes of a model gate's weak segments (docs/evaluate.md#weak-segments).</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>MG4060: a segment of the evaluation rows where the model is significantly worse than overall, beyond <c>maxDrop</c>.</summary>
    public static readonly DiagnosticDescriptor WeakSegment = new("MG4060", "Weak segment", Severity.Warning);
}
