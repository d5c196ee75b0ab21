using ModelGates.Models.Evaluation.Options;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Predictions;

namespace ModelGates.Gates.Config;

/// <summary>A model gate's evaluation settings, read and checked by <see cref="ModelGateSettingsReader"/> (docs/evaluate.md).</summary>
public sealed record ModelGateSettings
{
    /// <summary>The task.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>The prediction columns of a predictions file.</summary>
    public PredictionColumns Columns { get; init; } = new();

    /// <summary>Positive class, decision threshold, top-k, bootstrap, smallest gated slice, significant regressions (<see cref="ModelOptionTable"/>).</summary>
    public EvaluationOptions Options { get; init; } = EvaluationOptions.Default;

    /// <summary>A baseline (champion) model scored on the same rows (resolved path), or null.</summary>
    public string? BaselineModel { get; init; }

    /// <summary>The slice groups with their own bounds.</summary>
    public IReadOnlyList<SliceDefinition> Slices { get; init; } = [];

    /// <summary>The weak-segment search of the gate, or null when it declares none.</summary>
    internal Models.Segments.WeakSegmentSettings? WeakSegments { get; init; }

    /// <summary>The gate's bounds on the overall metrics (and maxGap over every slice group).</summary>
    public IReadOnlyList<MetricThreshold> Thresholds { get; init; } = [];
}
