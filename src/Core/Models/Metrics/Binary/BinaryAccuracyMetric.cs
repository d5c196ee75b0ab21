namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>accuracy</c> (binary): the weighted share of rows whose predicted class (score ≥ threshold)
/// equals the label; scikit-learn's <c>accuracy_score</c>.
/// </summary>
/// <param name="threshold">The decision threshold; default 0.5.</param>
public sealed class BinaryAccuracyMetric(double threshold = 0.5) : ThresholdedBinaryMetric(threshold)
{
    /// <inheritdoc/>
    public override string Id => "accuracy";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryConfusion confusion) =>
        MetricValue.Defined((confusion.TruePositive + confusion.TrueNegative) / confusion.Total);
}
