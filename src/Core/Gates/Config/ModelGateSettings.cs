using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Gates.Config;

/// <summary>A model gate's evaluation settings, read and checked by <see cref="ModelGateSettingsReader"/> (docs/evaluate.md).</summary>
public sealed record ModelGateSettings
{
    /// <summary>The task.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>The prediction columns of a predictions file.</summary>
    public PredictionColumns Columns { get; init; } = new();

    /// <summary>The binary positive class, as text.</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Decision threshold and top-k.</summary>
    public MetricSettings Metrics { get; init; } = MetricSettings.Default;

    /// <summary>Bootstrap resamples, confidence and seed.</summary>
    public BootstrapOptions Bootstrap { get; init; } = BootstrapOptions.Default;

    /// <summary>Whether change thresholds fail only on a significant regression.</summary>
    public bool RequireSignificantRegression { get; init; }

    /// <summary>A baseline (champion) model scored on the same rows (resolved path), or null.</summary>
    public string? BaselineModel { get; init; }

    /// <summary>The slice groups with their own bounds.</summary>
    public IReadOnlyList<SliceDefinition> Slices { get; init; } = [];

    /// <summary>Slices with fewer rows are reported but not gated.</summary>
    public int MinSliceRows { get; init; } = Models.Evaluation.EvaluationRequest.DefaultMinSliceRows;

    /// <summary>The gate's bounds on the overall metrics (and maxGap over every slice group).</summary>
    public IReadOnlyList<MetricThreshold> Thresholds { get; init; } = [];
}
