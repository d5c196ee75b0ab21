namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>macroF1</c>: the unweighted mean of the per-class F1 over the classes present in the labels
/// or the predictions; scikit-learn's <c>f1_score(average="macro", zero_division=0)</c> without
/// <c>labels</c>. A class that is neither a label nor a prediction is left out of the mean (as
/// scikit-learn does), not counted as 0.
/// </summary>
public sealed class MacroF1Metric : MulticlassMetric
{
    /// <inheritdoc/>
    public override string Id => "macroF1";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(WeightedMulticlassRows rows)
    {
        var k = rows.ClassCount;
        double sum = 0;
        var present = 0;
        for (var c = 0; c < k; c++)
        {
            var actual = rows.TrueWeight(c);
            var predicted = rows.PredictedWeight(c);
            if (actual <= 0.0 && predicted <= 0.0)
            {
                continue;
            }

            var truePositive = rows.Confusion[(c * k) + c];
            var precision = ZeroDivision.RatioOrZero(truePositive, predicted);
            var recall = ZeroDivision.RatioOrZero(truePositive, actual);
            sum += ZeroDivision.HarmonicMeanOrZero(precision, recall);
            present++;
        }

        return MetricValue.Defined(sum / present);
    }
}
