using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;

namespace ModelGates.Models.Evaluation.Options;

/// <summary>
/// How a model is judged beyond its data and thresholds: the settings <c>modelgates evaluate</c>, a model gate of
/// modelgates.json and <c>ModelAssert</c> (through <c>EvaluationData</c>) share under the same names
/// (<see cref="ModelOptionTable"/>, docs/evaluate.md#options).
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>The defaults.</summary>
    internal static EvaluationOptions Default { get; } = new();

    /// <summary>Binary: the label value of the positive class, as text; null to take the label's own (true, 1).</summary>
    public string? PositiveClass { get; init; }

    /// <summary>The decision threshold (binary) and top-k (multiclass).</summary>
    public MetricSettings Metrics { get; init; } = MetricSettings.Default;

    /// <summary>Resamples, confidence and seed of the intervals and the paired comparison.</summary>
    public BootstrapOptions Bootstrap { get; init; } = BootstrapOptions.Default;

    /// <summary>Slices with fewer rows are reported but not gated.</summary>
    public int MinSliceRows { get; init; } = EvaluationRequest.DefaultMinSliceRows;

    /// <summary>When true, a change threshold fails only when the bootstrap shows the regression is real.</summary>
    public bool RequireSignificantRegression { get; init; }
}
