using ModelGates.Models.Metrics;

namespace ModelGates.Models.Intervals;

/// <summary>Turns a table of resample values into intervals and paired verdicts.</summary>
internal static class BootstrapSummaries
{
    public static IReadOnlyList<MetricInterval> Intervals(
        IReadOnlyList<IMetric> metrics,
        IReadOnlyList<MetricValue> estimates,
        double[] values,
        BootstrapOptions options)
    {
        var intervals = new MetricInterval[metrics.Count];
        for (var m = 0; m < metrics.Count; m++)
        {
            var sorted = PercentileInterval.SortedDefinedColumn(values, metrics.Count, m);
            var (lower, upper) = PercentileInterval.Bounds(sorted, options.Confidence);
            intervals[m] = new MetricInterval(
                metrics[m].Id,
                metrics[m].Direction,
                estimates[m],
                lower,
                upper,
                options.Confidence,
                options.Resamples,
                sorted.Length);
        }

        return intervals;
    }

    public static IReadOnlyList<PairedMetricComparison> Comparisons(
        IReadOnlyList<IMetric> metrics,
        IReadOnlyList<MetricValue> challengerEstimates,
        IReadOnlyList<MetricValue> baselineEstimates,
        double[] values,
        BootstrapOptions options,
        IReadOnlyDictionary<string, double>? allowedDegradation)
    {
        var metricCount = metrics.Count;
        var comparisons = new PairedMetricComparison[metricCount];
        for (var m = 0; m < metricCount; m++)
        {
            var metric = metrics[m];
            var allowed = 0.0;
            allowedDegradation?.TryGetValue(metric.Id, out allowed);

            // The improvement is the difference turned so that positive always means "challenger better".
            var sign = metric.Direction == MetricDirection.HigherIsBetter ? 1.0 : -1.0;
            var differences = new List<double>(options.Resamples);
            var notWorseBeyondAllowance = 0;
            for (var r = 0; r < options.Resamples; r++)
            {
                var challenger = values[(r * 2 * metricCount) + m];
                var baseline = values[(r * 2 * metricCount) + metricCount + m];
                if (double.IsNaN(challenger) || double.IsNaN(baseline))
                {
                    continue;
                }

                var difference = challenger - baseline;
                differences.Add(difference);
                if (sign * difference >= -allowed)
                {
                    notWorseBeyondAllowance++;
                }
            }

            var sorted = differences.ToArray();
            Array.Sort(sorted);
            var degradations = sorted.Select(d => -sign * d).ToArray();
            Array.Sort(degradations);
            var (lower, upper) = PercentileInterval.Bounds(sorted, options.Confidence);
            double? pValue = sorted.Length == 0 ? null : (1.0 + notWorseBeyondAllowance) / (1.0 + sorted.Length);
            var challengerEstimate = challengerEstimates[m];
            var baselineEstimate = baselineEstimates[m];
            double? pointDifference = challengerEstimate.Value - baselineEstimate.Value;
            var significant = pValue <= 1.0 - options.Confidence && pointDifference is not null;
            comparisons[m] = new PairedMetricComparison(
                metric.Id,
                metric.Direction,
                challengerEstimate,
                baselineEstimate,
                pointDifference,
                lower,
                upper,
                allowed,
                pValue,
                significant,
                options.Confidence,
                options.Resamples,
                sorted.Length)
            {
                DegradationLowerBound = OneSidedDropTest.LowerBound(degradations, 1.0 - options.Confidence),
            };
        }

        return comparisons;
    }
}
