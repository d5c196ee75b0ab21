using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation.Thresholds;

/// <summary>One threshold judged on one set of rows (overall, a slice, or a slice group for a gap).</summary>
/// <param name="Threshold">The bound.</param>
/// <param name="Scope">Null for the overall rows; the slice name for a per-slice floor; the group name for a gap.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Measured">What was compared with the bound: the metric, the drop, the relative drop or the gap; null when undefined.</param>
/// <param name="Message">A complete sentence naming the metric, the measured value and the bound.</param>
public sealed record ThresholdOutcome(MetricThreshold Threshold, string? Scope, ThresholdStatus Status, double? Measured, string Message)
{
    /// <summary>The metric on the current rows, when defined.</summary>
    public double? Value { get; init; }

    /// <summary>The baseline's value, for a change threshold.</summary>
    public double? BaselineValue { get; init; }

    /// <summary>The one-sided bootstrap p-value of "not worse than allowed", for a change threshold judged by significance.</summary>
    public double? PValue { get; init; }

    /// <summary>
    /// The significance test a change threshold was judged by (with <c>requireSignificantRegression</c>): its p-value
    /// and the one-sided bound of <see cref="Measured"/> it used; null when the verdict is the point estimate's.
    /// </summary>
    public ChangeSignificance? Significance { get; init; }

    /// <summary>True when the threshold counts as failing (failed, undefined or without its baseline).</summary>
    public bool IsFailure => Status is ThresholdStatus.Failed or ThresholdStatus.Undefined or ThresholdStatus.NoBaseline;

    /// <summary>The diagnostic code that reports this outcome, or null for a pass without remark.</summary>
    public DiagnosticDescriptor? Descriptor { get; init; }
}
