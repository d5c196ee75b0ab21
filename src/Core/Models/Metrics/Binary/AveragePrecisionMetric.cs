namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>averagePrecision</c>: scikit-learn's <c>average_precision_score</c>, Σ (Rₙ − Rₙ₋₁) Pₙ over
/// the distinct score thresholds from the highest down (no interpolation). A block of tied scores
/// is one threshold. Undefined without label-1 rows (scikit-learn warns and returns 0 there).
/// </summary>
public sealed class AveragePrecisionMetric : BinaryMetric
{
    /// <inheritdoc/>
    public override string Id => "averagePrecision";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table)
    {
        if (table.TotalPositive <= 0.0)
        {
            return MetricValue.Undefined(UndefinedReasons.NoPositiveLabels);
        }

        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double sum = 0, truePositives = 0, falsePositives = 0;
        for (var b = 0; b < positive.Length; b++)
        {
            truePositives += positive[b];
            falsePositives += negative[b];

            // A block without positives adds no recall: its term is 0 whatever the precision. The
            // only block with nothing above or in it is a leading one a resample left empty.
            var predictedPositive = truePositives + falsePositives;
            if (predictedPositive > 0.0)
            {
                sum += positive[b] * (truePositives / predictedPositive);
            }
        }

        return MetricValue.Defined(sum / table.TotalPositive);
    }
}
