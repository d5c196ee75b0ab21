namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>macroPrecision</c>: the unweighted mean of the per-class precision over the classes present in the labels or
/// the predictions; scikit-learn's <c>precision_score(average="macro", zero_division=0)</c> without <c>labels</c>. A
/// class that is a label but never predicted has precision 0 (0/0 under zero_division=0, which is also what
/// scikit-learn's default "warn" returns) and counts; a class that is neither is left out.
/// </summary>
public sealed class MacroPrecisionMetric : MulticlassMetric
{
    /// <inheritdoc/>
    public override string Id => "macroPrecision";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(WeightedMulticlassRows rows) =>
        MetricValue.Defined(ClassAverage.Macro(rows, static (truePositive, predicted, _) => ZeroDivision.RatioOrZero(truePositive, predicted)));
}
