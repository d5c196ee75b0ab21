namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// A metric estimated without labels: the estimate and its sampling-error band
/// (<see cref="Lower"/>, <see cref="Upper"/>: the estimate ± <see cref="SamplingBand.Multiple"/> standard errors,
/// clipped to the metric's range). <see cref="double.NaN"/> in all three when the metric is undefined for the window
/// (an AUC of a window without an expected positive or negative).
/// </summary>
/// <param name="Metric">The metric id of the metric registry (<c>accuracy</c>, <c>precision</c>, <c>recall</c>, <c>f1</c>, <c>auc</c>, <c>mae</c>, <c>rmse</c>).</param>
/// <param name="Value">The estimate.</param>
/// <param name="Lower">The lower end of the band.</param>
/// <param name="Upper">The upper end of the band.</param>
internal sealed record EstimatedMetric(string Metric, double Value, double Lower, double Upper)
{
    /// <summary>The standard error the band is drawn from: how much the realized metric of a window like this one varies by chance.</summary>
    public double StandardError { get; init; }
}
