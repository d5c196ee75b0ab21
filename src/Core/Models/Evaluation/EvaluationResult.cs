using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation;

/// <summary>Everything one evaluation measured and judged.</summary>
public sealed record EvaluationResult
{
    /// <summary>The task.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>The number of evaluation rows.</summary>
    public required int Rows { get; init; }

    /// <summary>Every metric with its bootstrap interval, in report order.</summary>
    public required IReadOnlyList<MetricInterval> Metrics { get; init; }

    /// <summary>Every slice with its metrics.</summary>
    public IReadOnlyList<SliceResult> Slices { get; init; } = [];

    /// <summary>Every threshold's verdict, in declaration order (overall first, then slice groups).</summary>
    public IReadOnlyList<ThresholdOutcome> Outcomes { get; init; } = [];

    /// <summary>Every metric against the baseline, when there is one.</summary>
    public IReadOnlyList<MetricChange> Changes { get; init; } = [];

    /// <summary>Where the scores came from (<c>Probability</c>, a column name).</summary>
    public required string ScoreSource { get; init; }

    /// <summary>Multiclass class labels, in class order.</summary>
    public IReadOnlyList<string> ClassNames { get; init; } = [];

    /// <summary>Remarks to report with the results (an uncalibrated model, labels-only predictions).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The labelled predictions the metrics were computed on (for curves in reports).</summary>
    public PredictionSet? Predictions { get; init; }

    /// <summary>The overall value of a metric, or null when it is not a metric of the task.</summary>
    public MetricValue? Value(string id) => Metrics.FirstOrDefault(m => string.Equals(m.MetricId, id, StringComparison.Ordinal))?.Estimate;

    /// <summary>True unless a threshold failed.</summary>
    public bool Passed => !Outcomes.Any(o => o.IsFailure);
}

/// <summary>One slice's rows and metrics.</summary>
/// <param name="Name">The slice (<c>Home=owner</c>, <c>young</c>).</param>
/// <param name="Group">Its group (the column, or the definition's name).</param>
/// <param name="Rows">How many evaluation rows fall in it.</param>
/// <param name="Gated">False when it has fewer than minSliceRows rows: reported, not gated.</param>
/// <param name="Metrics">Every metric on its rows (undefined where it has none).</param>
public sealed record SliceResult(string Name, string Group, int Rows, bool Gated, IReadOnlyList<KeyValuePair<string, MetricValue>> Metrics);

/// <summary>A metric against the baseline. Each change threshold on the metric carries its own test in its outcome (<see cref="ThresholdOutcome.Significance"/>).</summary>
/// <param name="MetricId">The metric.</param>
/// <param name="Direction">Which way it improves.</param>
/// <param name="Baseline">The baseline's value, or null.</param>
/// <param name="Current">The current value, or null.</param>
/// <param name="Difference">Current − baseline, or null.</param>
/// <param name="PValue">The one-sided bootstrap p-value of "not worse than the baseline" (paired against a baseline model), or null.</param>
public sealed record MetricChange(string MetricId, MetricDirection Direction, double? Baseline, double? Current, double? Difference, double? PValue);
