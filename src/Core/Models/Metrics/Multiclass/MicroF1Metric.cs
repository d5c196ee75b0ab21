namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>microF1</c>: F1 of the pooled counts over all classes; scikit-learn's
/// <c>f1_score(average="micro")</c>. For single-label multiclass data it equals accuracy (up to
/// the last bit, as it is computed the way scikit-learn computes it).
/// </summary>
public sealed class MicroF1Metric : MulticlassMetric
{
    /// <inheritdoc/>
    public override string Id => "microF1";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(WeightedMulticlassRows rows)
    {
        var k = rows.ClassCount;
        double truePositive = 0;
        for (var c = 0; c < k; c++)
        {
            truePositive += rows.Confusion[(c * k) + c];
        }

        // Every row is one prediction and one label, so both pooled denominators are the total weight.
        var precision = ZeroDivision.RatioOrZero(truePositive, rows.TotalWeight);
        var recall = ZeroDivision.RatioOrZero(truePositive, rows.TotalWeight);
        return MetricValue.Defined(ZeroDivision.HarmonicMeanOrZero(precision, recall));
    }
}
