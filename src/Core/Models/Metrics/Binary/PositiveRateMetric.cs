namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>positiveRate</c>: the weighted share of rows predicted positive (score ≥ threshold). It has no
/// better direction of its own; it is declared higher-is-better only so that change gates have a
/// sign, and is meant for <c>min</c>/<c>max</c> bounds (how many applicants a model would flag).
/// </summary>
/// <param name="threshold">The decision threshold; default 0.5.</param>
public sealed class PositiveRateMetric(double threshold = 0.5) : ThresholdedBinaryMetric(threshold)
{
    /// <inheritdoc/>
    public override string Id => "positiveRate";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryConfusion confusion) =>
        MetricValue.Defined(confusion.PredictedPositive / confusion.Total);
}
