using ModelGates.Models.Metrics;

namespace ModelGates.Models.Intervals;

/// <summary>
/// A challenger model against a baseline on the same rows, by paired bootstrap: both models are
/// scored on the same resampled rows, so the spread of the difference excludes the row-to-row
/// noise both share.
/// </summary>
/// <param name="MetricId">The metric's id.</param>
/// <param name="Direction">Which way the metric improves; "worse" below follows it.</param>
/// <param name="Challenger">The challenger's metric on all rows.</param>
/// <param name="Baseline">The baseline's metric on all rows.</param>
/// <param name="Difference">Challenger minus baseline, or null when either is undefined.</param>
/// <param name="DifferenceLower">The lower percentile bound of challenger − baseline over the resamples.</param>
/// <param name="DifferenceUpper">The upper percentile bound of challenger − baseline over the resamples.</param>
/// <param name="AllowedDegradation">How much worse (absolute, in the metric's unit) the challenger may be before it counts as a regression.</param>
/// <param name="PValue">
/// One-sided bootstrap p-value of "the challenger is at most <paramref name="AllowedDegradation"/>
/// worse": (1 + resamples where it is not worse by more than that) / (1 + defined resamples). Null
/// when no resample had both values defined.
/// </param>
/// <param name="RegressionIsSignificant">True when <paramref name="PValue"/> ≤ 1 − <paramref name="Confidence"/>.</param>
/// <param name="Confidence">The confidence of the interval and of the verdict.</param>
/// <param name="Resamples">How many resamples were drawn.</param>
/// <param name="DefinedResamples">How many resamples had the metric defined for both models.</param>
public sealed record PairedMetricComparison(
    string MetricId,
    MetricDirection Direction,
    MetricValue Challenger,
    MetricValue Baseline,
    double? Difference,
    double? DifferenceLower,
    double? DifferenceUpper,
    double AllowedDegradation,
    double? PValue,
    bool RegressionIsSignificant,
    double Confidence,
    int Resamples,
    int DefinedResamples)
{
    /// <summary>
    /// The one-sided lower confidence bound, at <see cref="Confidence"/>, of how much worse the challenger is (the
    /// degradation, positive is worse): the bound the verdict used. <see cref="RegressionIsSignificant"/> holds exactly
    /// when it exceeds <see cref="AllowedDegradation"/> (and the difference is defined), so print this bound next to
    /// the verdict rather than the two-sided interval, which can reach "not worse" next to a significant regression.
    /// Null without defined resamples, or with too few for any p-value to reach 1 − confidence.
    /// </summary>
    public double? DegradationLowerBound { get; init; }
}
