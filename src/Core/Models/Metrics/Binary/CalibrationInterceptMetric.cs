namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>calibrationIntercept</c>: calibration in the large, the intercept a of P(y = 1) = σ(a + logit p)
/// with the slope fixed at 1 (logit p as an offset), fitted by maximum likelihood. 0 is ideal; above 0
/// the model under-predicts the event, below 0 it over-predicts. It has no better direction: declared
/// higher-is-better only so that change gates have a sign; gate it with <c>min</c> and <c>max</c>.
/// Undefined for free scores or one class.
/// </summary>
public sealed class CalibrationInterceptMetric : BinaryMetric
{
    /// <inheritdoc/>
    public override string Id => "calibrationIntercept";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table) => LogisticRecalibration.Intercept(table);
}
