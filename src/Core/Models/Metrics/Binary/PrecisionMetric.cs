namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>precision</c>: TP / (TP + FP) at the threshold; scikit-learn's <c>precision_score</c> with
/// <c>zero_division=0</c>: 0 when no row is predicted positive.
/// </summary>
/// <param name="threshold">The decision threshold; default 0.5.</param>
public sealed class PrecisionMetric(double threshold = 0.5) : ThresholdedBinaryMetric(threshold)
{
    /// <inheritdoc/>
    public override string Id => "precision";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryConfusion confusion) =>
        MetricValue.Defined(ZeroDivision.RatioOrZero(confusion.TruePositive, confusion.PredictedPositive));
}
