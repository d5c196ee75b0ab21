namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>ks</c>: the Kolmogorov–Smirnov separation of a scorecard, the largest TPR − FPR over the
/// distinct score thresholds (a tied block is one threshold), equal to max(tpr − fpr) of
/// scikit-learn's <c>roc_curve</c> and to SciPy's one-sided <c>ks_2samp(negatives, positives,
/// alternative="greater")</c>. Signed, so an inverted model scores 0, not its mirror image.
/// Undefined when only one class is present.
/// </summary>
public sealed class KsSeparationMetric : BinaryMetric
{
    /// <inheritdoc/>
    public override string Id => "ks";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table)
    {
        if (table.TotalPositive <= 0.0 || table.TotalNegative <= 0.0)
        {
            return MetricValue.Undefined(UndefinedReasons.OnlyOneClass);
        }

        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;

        // The threshold above every score predicts nothing positive: TPR = FPR = 0.
        double best = 0, truePositives = 0, falsePositives = 0;
        for (var b = 0; b < positive.Length; b++)
        {
            truePositives += positive[b];
            falsePositives += negative[b];
            best = Math.Max(best, (truePositives / table.TotalPositive) - (falsePositives / table.TotalNegative));
        }

        return MetricValue.Defined(best);
    }
}
