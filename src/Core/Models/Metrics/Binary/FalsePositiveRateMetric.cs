namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>fpr</c>: FP / (FP + TN) at the threshold, from scikit-learn's <c>confusion_matrix</c>.
/// Undefined when no row has label 0 (there is nothing to be a false positive).
/// </summary>
/// <param name="threshold">The decision threshold; default 0.5.</param>
public sealed class FalsePositiveRateMetric(double threshold = 0.5) : ThresholdedBinaryMetric(threshold)
{
    /// <inheritdoc/>
    public override string Id => "fpr";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.LowerIsBetter;

    internal override MetricValue Compute(BinaryConfusion confusion) => confusion.ActualNegative > 0.0
        ? MetricValue.Defined(confusion.FalsePositive / confusion.ActualNegative)
        : MetricValue.Undefined(UndefinedReasons.NoNegativeLabels);
}
