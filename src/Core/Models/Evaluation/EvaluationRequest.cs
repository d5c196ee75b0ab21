using ModelGates.Data;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Evaluation.Options;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation;

/// <summary>What to evaluate and how to judge it; the same for <c>modelgates evaluate</c>, model gates and accept.</summary>
public sealed record EvaluationRequest
{
    /// <summary>The default of <see cref="MinSliceRows"/>.</summary>
    internal const int DefaultMinSliceRows = 30;

    /// <summary>binary, multiclass or regression.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>The label column of <see cref="Data"/>.</summary>
    public required string Label { get; init; }

    /// <summary>The evaluation rows: the data a model scores, or the predictions file itself.</summary>
    public required LoadedDataset Data { get; init; }

    /// <summary>
    /// The same rows read with every column as text (DuckDB's sniffer reads yes/no as BOOLEAN, which would turn a
    /// model's text input "yes" into "true"): labels and the model's text inputs come from here. Null: <see cref="Data"/>.
    /// </summary>
    public LoadedDataset? TextData { get; init; }

    /// <summary>A short name of the data for descriptions (<c>holdout</c>).</summary>
    public required string DataName { get; init; }

    /// <summary>The ML.NET model to score, or null when <see cref="Data"/> holds predictions.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The prediction columns of a predictions file (ignored with a model).</summary>
    public PredictionColumns Columns { get; init; } = new();

    /// <summary>The binary positive class, as text.</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Decision threshold and top-k.</summary>
    public MetricSettings Metrics { get; init; } = MetricSettings.Default;

    /// <summary>Resamples, confidence, seed.</summary>
    public BootstrapOptions Bootstrap { get; init; } = BootstrapOptions.Default;

    /// <summary>Bounds on the overall metrics, and maxGap bounds on every slice group.</summary>
    public IReadOnlyList<MetricThreshold> Thresholds { get; init; } = [];

    /// <summary>The slice groups.</summary>
    public IReadOnlyList<SliceDefinition> Slices { get; init; } = [];

    /// <summary>Slices with fewer rows are reported but not gated.</summary>
    public int MinSliceRows { get; init; } = DefaultMinSliceRows;

    /// <summary>When true, a change threshold fails only when the bootstrap shows the regression is real.</summary>
    public bool RequireSignificantRegression { get; init; }

    /// <summary>A committed baseline to compare with, or null.</summary>
    public BaselineMetrics? Baseline { get; init; }

    /// <summary>A baseline (champion) model scored on the same rows, or null.</summary>
    public string? BaselineModelPath { get; init; }

    /// <summary>
    /// Members of metric families (<c>lift@0.2</c>) to compute beyond those the thresholds name: the accept flow
    /// drops the thresholds but records every metric the gate judges.
    /// </summary>
    internal IReadOnlyList<string> AdditionalMetrics { get; init; } = [];

    /// <summary>The config file the thresholds and slices come from, for diagnostics; null on the command line.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The settings every front end names the same way (<see cref="ModelOptionTable"/>), as one record.</summary>
    public EvaluationOptions Options => new()
    {
        PositiveClass = PositiveClass,
        Metrics = Metrics,
        Bootstrap = Bootstrap,
        MinSliceRows = MinSliceRows,
        RequireSignificantRegression = RequireSignificantRegression,
    };

    /// <summary>This request with <paramref name="options"/>.</summary>
    public EvaluationRequest With(EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return this with
        {
            PositiveClass = options.PositiveClass,
            Metrics = options.Metrics,
            Bootstrap = options.Bootstrap,
            MinSliceRows = options.MinSliceRows,
            RequireSignificantRegression = options.RequireSignificantRegression,
        };
    }
}
