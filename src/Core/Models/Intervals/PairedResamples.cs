using ModelGates.Models.Metrics;

namespace ModelGates.Models.Intervals;

/// <summary>
/// A challenger and a baseline model measured on the same resamples: each resample's values are the challenger's
/// metrics, then the baseline's (resample-major, NaN when undefined). Kept whole so that every threshold on a
/// metric can be tested against its own allowance without resampling again.
/// </summary>
/// <param name="Metrics">The compared metrics, in value order.</param>
/// <param name="ChallengerEstimates">The challenger's metrics on all rows.</param>
/// <param name="BaselineEstimates">The baseline's metrics on all rows.</param>
/// <param name="Values">Every resample's values.</param>
/// <param name="Options">The bootstrap's resamples, confidence and seed.</param>
internal sealed record PairedResamples(
    IReadOnlyList<IMetric> Metrics,
    IReadOnlyList<MetricValue> ChallengerEstimates,
    IReadOnlyList<MetricValue> BaselineEstimates,
    double[] Values,
    BootstrapOptions Options)
{
    /// <summary>Every metric's comparison, with the given tolerated degradation per metric id (0 when absent).</summary>
    public IReadOnlyList<PairedMetricComparison> Summarize(IReadOnlyDictionary<string, double>? allowedDegradation) =>
        BootstrapSummaries.Comparisons(Metrics, ChallengerEstimates, BaselineEstimates, Values, Options, allowedDegradation);

    /// <summary>
    /// Metric <paramref name="m"/>'s drop of the challenger against the baseline in every resample where both are
    /// defined, in resample order: positive is worse, whatever the metric's direction.
    /// </summary>
    public double[] Drops(int m)
    {
        var metricCount = Metrics.Count;
        var higherIsBetter = Metrics[m].Direction == MetricDirection.HigherIsBetter;
        var drops = new List<double>(Options.Resamples);
        for (var r = 0; r < Options.Resamples; r++)
        {
            var challenger = Values[(r * 2 * metricCount) + m];
            var baseline = Values[(r * 2 * metricCount) + metricCount + m];
            if (!double.IsNaN(challenger) && !double.IsNaN(baseline))
            {
                drops.Add(higherIsBetter ? baseline - challenger : challenger - baseline);
            }
        }

        return [.. drops];
    }
}
