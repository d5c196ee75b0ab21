namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>accuracy</c> (multiclass): the weighted share of rows whose predicted class (highest
/// probability, ties to the lowest class) is the label; scikit-learn's <c>accuracy_score</c>.
/// </summary>
public sealed class MulticlassAccuracyMetric : MulticlassMetric
{
    /// <inheritdoc/>
    public override string Id => "accuracy";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(WeightedMulticlassRows rows)
    {
        var k = rows.ClassCount;
        double correct = 0;
        for (var c = 0; c < k; c++)
        {
            correct += rows.Confusion[(c * k) + c];
        }

        return MetricValue.Defined(correct / rows.TotalWeight);
    }
}
