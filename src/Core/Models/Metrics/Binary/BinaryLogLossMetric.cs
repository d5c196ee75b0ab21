namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>logLoss</c>: the weighted mean of −log p(true label), equal to scikit-learn 1.2's
/// <c>log_loss</c> including its clipping of probabilities to [ε, 1 − ε], ε = 2^-52 (see
/// <see cref="LogLossClipping"/>). Undefined when the scores are not probabilities.
/// </summary>
public sealed class BinaryLogLossMetric : BinaryMetric
{
    /// <inheritdoc/>
    public override string Id => "logLoss";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.LowerIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table)
    {
        if (table.Order.ScoreKind != Predictions.BinaryScoreKind.Probability)
        {
            return MetricValue.Undefined(UndefinedReasons.ScoresAreNotProbabilities);
        }

        var terms = table.Order.LogLossTerms;
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double sum = 0;
        for (var b = 0; b < positive.Length; b++)
        {
            sum += (positive[b] * terms.IfPositive[b]) + (negative[b] * terms.IfNegative[b]);
        }

        return MetricValue.Defined(sum / table.Total);
    }
}
