using System.Globalization;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Intervals;

/// <summary>
/// Decides whether a challenger model is really worse than a baseline on the same holdout rows.
/// Both models are scored on the same resamples (the same counts per row), so the interval of the
/// difference and the one-sided p-value reflect only how the models differ, not which rows happened
/// to be in the holdout. See <see cref="PairedMetricComparison.PValue"/> for the test.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Compares two binary models scored on the same rows.</summary>
    /// <param name="challenger">The new model's predictions.</param>
    /// <param name="baseline">The baseline (champion) model's predictions on the same rows, in the same order.</param>
    /// <param name="metrics">The metrics to compare.</param>
    /// <param name="options">Resamples, confidence (the verdict's level is 1 − confidence), seed.</param>
    /// <param name="allowedDegradation">Per metric id, how much worse (absolute, ≥ 0) the challenger may be without it counting as a regression; 0 when absent.</param>
    /// <exception cref="ArgumentException">The two sets do not have the same rows (count, labels or weights), or an option is invalid.</exception>
    public static IReadOnlyList<PairedMetricComparison> Compare(
        BinaryPredictions challenger,
        BinaryPredictions baseline,
        IReadOnlyList<BinaryMetric> metrics,
        BootstrapOptions? options = null,
        IReadOnlyDictionary<string, double>? allowedDegradation = null)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(baseline);
        options = MetricBootstrap.CheckedOptions(options, metrics);
        CheckAllowances(metrics, allowedDegradation);
        return Resample(challenger, baseline, metrics, options).Summarize(allowedDegradation);
    }

    /// <summary>Both binary models on the same resamples, kept whole.</summary>
    /// <exception cref="ArgumentException">The two sets do not have the same rows, or an option is invalid.</exception>
    internal static PairedResamples Resample(BinaryPredictions challenger, BinaryPredictions baseline, IReadOnlyList<BinaryMetric> metrics, BootstrapOptions? options)
    {
        options = MetricBootstrap.CheckedOptions(options, metrics);
        CheckSameRows(challenger.Labels, baseline.Labels, challenger.Weights, baseline.Weights);
        return Run(
            metrics,
            new BinaryResampleEvaluator(challenger, metrics),
            new BinaryResampleEvaluator(baseline, metrics),
            [.. metrics.Select(m => m.Compute(challenger))],
            [.. metrics.Select(m => m.Compute(baseline))],
            options);
    }

    /// <summary>Compares two multiclass models scored on the same rows.</summary>
    /// <param name="challenger">The new model's predictions.</param>
    /// <param name="baseline">The baseline model's predictions on the same rows, in the same order.</param>
    /// <param name="metrics">The metrics to compare.</param>
    /// <param name="options">Resamples, confidence, seed.</param>
    /// <param name="allowedDegradation">Per metric id, the tolerated absolute degradation; 0 when absent.</param>
    /// <exception cref="ArgumentException">The two sets do not have the same rows or classes, or an option is invalid.</exception>
    public static IReadOnlyList<PairedMetricComparison> Compare(
        MulticlassPredictions challenger,
        MulticlassPredictions baseline,
        IReadOnlyList<MulticlassMetric> metrics,
        BootstrapOptions? options = null,
        IReadOnlyDictionary<string, double>? allowedDegradation = null)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(baseline);
        options = MetricBootstrap.CheckedOptions(options, metrics);
        CheckAllowances(metrics, allowedDegradation);
        return Resample(challenger, baseline, metrics, options).Summarize(allowedDegradation);
    }

    /// <summary>Both multiclass models on the same resamples, kept whole.</summary>
    /// <exception cref="ArgumentException">The two sets do not have the same rows or classes, or an option is invalid.</exception>
    internal static PairedResamples Resample(MulticlassPredictions challenger, MulticlassPredictions baseline, IReadOnlyList<MulticlassMetric> metrics, BootstrapOptions? options)
    {
        options = MetricBootstrap.CheckedOptions(options, metrics);
        if (challenger.ClassCount != baseline.ClassCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The challenger has {challenger.ClassCount} classes and the baseline {baseline.ClassCount}; a paired comparison needs the same classes."),
                nameof(baseline));
        }

        CheckSameRows(challenger.Labels, baseline.Labels, challenger.Weights, baseline.Weights);
        foreach (var metric in metrics)
        {
            metric.CheckClassCount(challenger.ClassCount);
        }

        return Run(
            metrics,
            new MulticlassResampleEvaluator(challenger, metrics),
            new MulticlassResampleEvaluator(baseline, metrics),
            [.. metrics.Select(m => m.Compute(challenger))],
            [.. metrics.Select(m => m.Compute(baseline))],
            options);
    }

    /// <summary>Compares two regression models scored on the same rows.</summary>
    /// <param name="challenger">The new model's predictions.</param>
    /// <param name="baseline">The baseline model's predictions on the same rows, in the same order.</param>
    /// <param name="metrics">The metrics to compare.</param>
    /// <param name="options">Resamples, confidence, seed.</param>
    /// <param name="allowedDegradation">Per metric id, the tolerated absolute degradation; 0 when absent.</param>
    /// <exception cref="ArgumentException">The two sets do not have the same rows, or an option is invalid.</exception>
    public static IReadOnlyList<PairedMetricComparison> Compare(
        RegressionPredictions challenger,
        RegressionPredictions baseline,
        IReadOnlyList<RegressionMetric> metrics,
        BootstrapOptions? options = null,
        IReadOnlyDictionary<string, double>? allowedDegradation = null)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(baseline);
        options = MetricBootstrap.CheckedOptions(options, metrics);
        CheckAllowances(metrics, allowedDegradation);
        return Resample(challenger, baseline, metrics, options).Summarize(allowedDegradation);
    }

    /// <summary>Both regression models on the same resamples, kept whole.</summary>
    /// <exception cref="ArgumentException">The two sets do not have the same rows, or an option is invalid.</exception>
    internal static PairedResamples Resample(RegressionPredictions challenger, RegressionPredictions baseline, IReadOnlyList<RegressionMetric> metrics, BootstrapOptions? options)
    {
        options = MetricBootstrap.CheckedOptions(options, metrics);
        CheckSameRows(challenger.Labels, baseline.Labels, challenger.Weights, baseline.Weights);
        return Run(
            metrics,
            new RegressionResampleEvaluator(challenger, metrics),
            new RegressionResampleEvaluator(baseline, metrics),
            [.. metrics.Select(m => m.Compute(challenger))],
            [.. metrics.Select(m => m.Compute(baseline))],
            options);
    }

    /// <summary>Both models on the same resamples.</summary>
    private static PairedResamples Run(
        IReadOnlyList<IMetric> metrics,
        IResampleEvaluator challenger,
        IResampleEvaluator baseline,
        IReadOnlyList<MetricValue> challengerEstimates,
        IReadOnlyList<MetricValue> baselineEstimates,
        BootstrapOptions options) =>
        new(metrics, challengerEstimates, baselineEstimates, ResampleRunner.Run(new PairedResampleEvaluator(challenger, baseline), options), options);

    private static void CheckSameRows<TLabel>(
        ReadOnlySpan<TLabel> challengerLabels,
        ReadOnlySpan<TLabel> baselineLabels,
        ReadOnlySpan<double> challengerWeights,
        ReadOnlySpan<double> baselineWeights)
        where TLabel : IEquatable<TLabel>
    {
        if (challengerLabels.Length != baselineLabels.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The challenger has {challengerLabels.Length} rows and the baseline {baselineLabels.Length}; a paired comparison needs both models scored on the same rows."),
                "baseline");
        }

        var mismatch = challengerLabels.CommonPrefixLength(baselineLabels);
        if (mismatch < challengerLabels.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The labels differ at index {mismatch}; a paired comparison needs both models scored on the same rows in the same order."),
                "baseline");
        }

        if (!challengerWeights.SequenceEqual(baselineWeights))
        {
            throw new ArgumentException("The sample weights differ; a paired comparison needs both models scored on the same weighted rows.", "baseline");
        }
    }

    private static void CheckAllowances(IReadOnlyList<IMetric> metrics, IReadOnlyDictionary<string, double>? allowedDegradation)
    {
        if (allowedDegradation is null)
        {
            return;
        }

        foreach (var (id, allowed) in allowedDegradation)
        {
            if (!metrics.Any(m => string.Equals(m.Id, id, StringComparison.Ordinal)))
            {
                throw new ArgumentException(
                    $"An allowed degradation names '{id}', which is not among the compared metrics ({string.Join(", ", metrics.Select(m => m.Id))}).",
                    nameof(allowedDegradation));
            }

            if (!double.IsFinite(allowed) || allowed < 0.0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The allowed degradation of '{id}' must be a finite number ≥ 0, not {allowed}."),
                    nameof(allowedDegradation));
            }
        }
    }
}
