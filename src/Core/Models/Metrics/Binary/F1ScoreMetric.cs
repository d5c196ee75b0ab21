namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>f1</c>: the harmonic mean of precision and recall at the threshold; scikit-learn's
/// <c>f1_score</c> with <c>zero_division=0</c>: precision and recall are 0 where their denominator
/// is 0, and F1 is 0 when both are 0.
/// </summary>
/// <param name="threshold">The decision threshold; default 0.5.</param>
public sealed class F1ScoreMetric(double threshold = 0.5) : ThresholdedBinaryMetric(threshold)
{
    /// <inheritdoc/>
    public override string Id => "f1";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryConfusion confusion)
    {
        var precision = ZeroDivision.RatioOrZero(confusion.TruePositive, confusion.PredictedPositive);
        var recall = ZeroDivision.RatioOrZero(confusion.TruePositive, confusion.ActualPositive);
        return MetricValue.Defined(ZeroDivision.HarmonicMeanOrZero(precision, recall));
    }
}
