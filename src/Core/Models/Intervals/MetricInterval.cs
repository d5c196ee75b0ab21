using ModelGates.Models.Metrics;

namespace ModelGates.Models.Intervals;

/// <summary>A metric's point estimate and its bootstrap percentile confidence interval.</summary>
/// <param name="MetricId">The metric's id.</param>
/// <param name="Direction">Which way the metric improves.</param>
/// <param name="Estimate">The metric on the whole prediction set.</param>
/// <param name="Lower">The lower percentile bound, or null when no resample had a defined value.</param>
/// <param name="Upper">The upper percentile bound, or null when no resample had a defined value.</param>
/// <param name="Confidence">The confidence of the interval (0.95: the 2.5th and 97.5th percentiles).</param>
/// <param name="Resamples">How many resamples were drawn.</param>
/// <param name="DefinedResamples">
/// How many resamples had a defined value (a resample of a rare class can hold one class only); the
/// interval is over these. Fewer than <paramref name="Resamples"/> is worth reporting.
/// </param>
public sealed record MetricInterval(
    string MetricId,
    MetricDirection Direction,
    MetricValue Estimate,
    double? Lower,
    double? Upper,
    double Confidence,
    int Resamples,
    int DefinedResamples);
