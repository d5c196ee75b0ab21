namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>auc</c>: the area under the ROC curve, equal to scikit-learn's <c>roc_auc_score</c>. Tied
/// scores count as half a correctly ordered pair (the trapezoid over a tied block). Undefined when
/// only one class is present (scikit-learn raises there).
/// </summary>
public sealed class RocAucMetric : BinaryMetric
{
    /// <inheritdoc/>
    public override string Id => "auc";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table)
    {
        if (table.TotalPositive <= 0.0 || table.TotalNegative <= 0.0)
        {
            return MetricValue.Undefined(UndefinedReasons.OnlyOneClass);
        }

        // Walk the thresholds from the highest score down; each block adds the trapezoid between
        // the previous and the new (fpr, tpr) point, unnormalised.
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double area = 0, positiveAbove = 0;
        for (var b = 0; b < positive.Length; b++)
        {
            area += negative[b] * (positiveAbove + (0.5 * positive[b]));
            positiveAbove += positive[b];
        }

        return MetricValue.Defined(area / table.TotalPositive / table.TotalNegative);
    }
}
