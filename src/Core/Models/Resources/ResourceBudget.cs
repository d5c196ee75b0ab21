using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Resources;

/// <summary>One bound of a model gate's <c>budgets</c>: <c>"latencyP95Ms": { "max": 2 }</c>.</summary>
/// <param name="Resource">What is bounded.</param>
/// <param name="IsMax">True for <c>max</c>, false for <c>min</c>.</param>
/// <param name="Bound">The bound, in the resource's unit.</param>
/// <param name="Position">Where the bound is written, for the diagnostic.</param>
internal sealed record ResourceBudget(ResourceKind Resource, bool IsMax, double Bound, SourcePosition Position)
{
    /// <summary>The severity of a breach; null for the gate's.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The check id's last part: <c>max</c> or <c>min</c>.</summary>
    public string Key => IsMax ? "max" : "min";
}
