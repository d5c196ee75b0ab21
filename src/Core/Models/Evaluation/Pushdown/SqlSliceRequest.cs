using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Pushdown;

/// <summary>What <see cref="SqlSliceMetrics"/> computes over a predictions table.</summary>
internal sealed record SqlSliceRequest
{
    /// <summary><see cref="ModelTask.Binary"/> or <see cref="ModelTask.Regression"/> (multiclass is not pushed down).</summary>
    public required ModelTask Task { get; init; }

    /// <summary>The label column: 0/1 for binary, a number for regression.</summary>
    public required string LabelColumn { get; init; }

    /// <summary>The score column (binary: a probability of class 1 or a ranking score) or the predicted value (regression).</summary>
    public required string ScoreColumn { get; init; }

    /// <summary>What a binary score is; log loss and Brier need probabilities.</summary>
    public BinaryScoreKind ScoreKind { get; init; } = BinaryScoreKind.Probability;

    /// <summary>The decision threshold of the confusion-matrix metrics.</summary>
    public MetricSettings Settings { get; init; } = MetricSettings.Default;

    /// <summary>The slice groups: by column value or by named predicate (written in the engine's SQL).</summary>
    public IReadOnlyList<SliceDefinition> Slices { get; init; } = [];

    /// <summary>The metric ids wanted; null for every metric of the task that can be pushed down.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary>Whether the gate asks for bootstrap intervals (they cannot be pushed down: MG4032).</summary>
    public bool Intervals { get; init; }
}
