namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>recall</c> (binary): TP / (TP + FN) at the threshold; scikit-learn's <c>recall_score</c> with
/// <c>zero_division=0</c>: 0 when no row has label 1.
/// </summary>
/// <param name="threshold">The decision threshold; default 0.5.</param>
public sealed class RecallMetric(double threshold = 0.5) : ThresholdedBinaryMetric(threshold)
{
    /// <inheritdoc/>
    public override string Id => "recall";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryConfusion confusion) =>
        MetricValue.Defined(ZeroDivision.RatioOrZero(confusion.TruePositive, confusion.ActualPositive));
}
