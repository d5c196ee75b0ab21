using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Intervals;

/// <summary>
/// Seeded bootstrap percentile confidence intervals for metrics of one model. Resample r draws n
/// rows with replacement as a count per row from a stream derived from (seed, r); every metric of
/// the call sees the same resamples. Same seed, same inputs: same intervals, byte for byte.
/// </summary>
public static class MetricBootstrap
{
    /// <summary>Intervals for binary metrics.</summary>
    /// <exception cref="ArgumentException">Invalid options or an empty metric list.</exception>
    public static IReadOnlyList<MetricInterval> Estimate(
        BinaryPredictions predictions,
        IReadOnlyList<BinaryMetric> metrics,
        BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        options = CheckedOptions(options, metrics);
        var estimates = metrics.Select(m => m.Compute(predictions)).ToArray();
        var values = ResampleRunner.Run(new BinaryResampleEvaluator(predictions, metrics), options);
        return BootstrapSummaries.Intervals(metrics, estimates, values, options);
    }

    /// <summary>Intervals for multiclass metrics.</summary>
    /// <exception cref="ArgumentException">Invalid options, an empty metric list, or a metric naming a class the predictions lack.</exception>
    public static IReadOnlyList<MetricInterval> Estimate(
        MulticlassPredictions predictions,
        IReadOnlyList<MulticlassMetric> metrics,
        BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        options = CheckedOptions(options, metrics);
        foreach (var metric in metrics)
        {
            metric.CheckClassCount(predictions.ClassCount);
        }

        var estimates = metrics.Select(m => m.Compute(predictions)).ToArray();
        var values = ResampleRunner.Run(new MulticlassResampleEvaluator(predictions, metrics), options);
        return BootstrapSummaries.Intervals(metrics, estimates, values, options);
    }

    /// <summary>Intervals for regression metrics.</summary>
    /// <exception cref="ArgumentException">Invalid options or an empty metric list.</exception>
    public static IReadOnlyList<MetricInterval> Estimate(
        RegressionPredictions predictions,
        IReadOnlyList<RegressionMetric> metrics,
        BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        options = CheckedOptions(options, metrics);
        var estimates = metrics.Select(m => m.Compute(predictions)).ToArray();
        var values = ResampleRunner.Run(new RegressionResampleEvaluator(predictions, metrics), options);
        return BootstrapSummaries.Intervals(metrics, estimates, values, options);
    }

    internal static BootstrapOptions CheckedOptions(BootstrapOptions? options, IReadOnlyCollection<IMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        options ??= BootstrapOptions.Default;
        options.Validate();
        if (metrics.Count == 0)
        {
            throw new ArgumentException("Name at least one metric to bootstrap.", nameof(metrics));
        }

        return options;
    }
}
