using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Resources;

/// <summary>
/// One bound of a model gate's <c>budgets</c>: <c>"latencyP95Ms": { "max": 2 }</c>, or a regression bound against the
/// baseline, <c>"latencyP95Ms": { "maxRegression": 0.25 }</c>.
/// </summary>
/// <param name="Resource">What is bounded.</param>
/// <param name="IsMax">True for <c>max</c>, false for <c>min</c> (for a regression bound: true).</param>
/// <param name="Bound">The bound, in the resource's unit; for a regression bound the relative tolerance beyond the measured noise.</param>
/// <param name="Position">Where the bound is written, for the diagnostic.</param>
internal sealed record ResourceBudget(ResourceKind Resource, bool IsMax, double Bound, SourcePosition Position)
{
    /// <summary>The severity of a breach; null for the gate's.</summary>
    public Severity? Severity { get; init; }

    /// <summary>True for <c>maxRegression</c>: judged against the baseline's measurement by <see cref="ResourceRegression"/>.</summary>
    public bool IsRegression { get; init; }

    /// <summary>The check id's last part: <c>max</c>, <c>min</c> or <c>maxRegression</c>.</summary>
    public string Key => IsRegression ? "maxRegression" : IsMax ? "max" : "min";
}
