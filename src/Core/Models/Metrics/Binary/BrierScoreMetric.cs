namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>brier</c>: the weighted mean of (label − p)², equal to scikit-learn's
/// <c>brier_score_loss</c>. Undefined when the scores are not probabilities.
/// </summary>
public sealed class BrierScoreMetric : BinaryMetric
{
    /// <inheritdoc/>
    public override string Id => "brier";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.LowerIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table)
    {
        if (table.Order.ScoreKind != Predictions.BinaryScoreKind.Probability)
        {
            return MetricValue.Undefined(UndefinedReasons.ScoresAreNotProbabilities);
        }

        var scores = table.Scores;
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double sum = 0;
        for (var b = 0; b < positive.Length; b++)
        {
            var p = scores[b];
            var miss = 1.0 - p;
            sum += (positive[b] * miss * miss) + (negative[b] * p * p);
        }

        return MetricValue.Defined(sum / table.Total);
    }
}
