using ModelGates.Data;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Xunit;

/// <summary>
/// The labelled rows a model is judged on, and how: the task, the label column, the positive class, the
/// decision threshold and the bootstrap (seeded, so every run gives the same intervals and p-values).
/// </summary>
/// <param name="Path">The dataset: a CSV, TSV, Parquet or JSON Lines file, or a glob; relative to the current directory.</param>
/// <param name="Task">binary, multiclass or regression.</param>
/// <param name="Label">The label column.</param>
public sealed record EvaluationData(string Path, ModelTask Task, string Label)
{
    /// <summary>Binary: the label value of the positive class (<c>bad</c>); the model's probability is of this class.</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Decision threshold of the thresholded binary metrics and top-k of multiclass top-k accuracy.</summary>
    public MetricSettings Metrics { get; init; } = MetricSettings.Default;

    /// <summary>Resamples, confidence and seed of the intervals and of the paired comparison. Default: 1000 resamples, 95 %, seed 0.</summary>
    public BootstrapOptions Bootstrap { get; init; } = BootstrapOptions.Default;

    /// <summary>
    /// For <see cref="ModelAssert.NoRegression(string, string, EvaluationData, RegressionAllowance[])"/>: a drop beyond its allowance fails
    /// only when the paired bootstrap shows it is real (p ≤ 1 − confidence). Default false: any drop beyond the allowance fails.
    /// </summary>
    public bool RequireSignificantRegression { get; init; }

    /// <summary>Overrides for reading delimited text (delimiter, header, declared types, ...).</summary>
    public CsvOptions Csv { get; init; } = new();

    /// <summary>A binary evaluation: <paramref name="positiveClass"/> is the label value the model's probability is of.</summary>
    public static EvaluationData Binary(string path, string label, string positiveClass) =>
        new(path, ModelTask.Binary, label) { PositiveClass = positiveClass };

    /// <summary>A multiclass evaluation.</summary>
    public static EvaluationData Multiclass(string path, string label) => new(path, ModelTask.Multiclass, label);

    /// <summary>A regression evaluation.</summary>
    public static EvaluationData Regression(string path, string label) => new(path, ModelTask.Regression, label);
}
