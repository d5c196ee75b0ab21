using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation.Thresholds;

/// <summary>One bound on one metric: overall, on every slice of a group (a per-slice floor), or on the gap across a group.</summary>
/// <param name="Metric">The metric's public id (<c>auc</c>, <c>recall.setosa</c>).</param>
/// <param name="Kind">The kind of bound.</param>
/// <param name="Bound">The bound: a metric value for min/max, a change for maxDrop, a fraction for maxRelativeDrop, a difference for maxGap.</param>
public sealed record MetricThreshold(string Metric, ThresholdKind Kind, double Bound)
{
    /// <summary>The slice group whose slices (or whose gap) this bound applies to; null for the overall metrics.</summary>
    public string? SliceGroup { get; init; }

    /// <summary>Where the bound is written in the config, when it comes from one.</summary>
    public SourcePosition? Position { get; init; }

    /// <summary>The bound's own severity, or null for the default (error).</summary>
    public Severity? Severity { get; init; }
}
