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

    internal override MetricValue Compute(WeightedMulticlassRows rows) =>
        MetricValue.Defined(ClassAverage.Macro(rows, static (truePositive, predicted, actual) =>
            ZeroDivision.HarmonicMeanOrZero(ZeroDivision.RatioOrZero(truePositive, predicted), ZeroDivision.RatioOrZero(truePositive, actual))));
}
