namespace ModelGates.Monitoring.Estimation;

/// <summary>The sampling-error band around an estimate (docs/monitoring-estimation.md#sampling-error-bands).</summary>
internal static class SamplingBand
{
    /// <summary>
    /// How many standard errors the band reaches each side of the estimate: 3, as NannyML's, so a window whose
    /// realized metric falls outside is a signal rather than a 1-in-20 chance (about 1 in 370 under normality).
    /// </summary>
    public const double Multiple = 3.0;

    /// <summary>The estimate with its band, clipped to [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static EstimatedMetric Around(string metric, double value, double standardError, double minimum, double maximum)
    {
        if (double.IsNaN(value))
        {
            return new EstimatedMetric(metric, double.NaN, double.NaN, double.NaN) { StandardError = double.NaN };
        }

        if (double.IsNaN(standardError))
        {
            // Too few rows to tell how much the metric varies: the band is the metric's whole range.
            return new EstimatedMetric(metric, value, minimum, maximum) { StandardError = double.NaN };
        }

        var lower = Math.Max(minimum, value - (Multiple * standardError));
        var upper = Math.Min(maximum, value + (Multiple * standardError));
        return new EstimatedMetric(metric, value, lower, upper) { StandardError = standardError };
    }
}
