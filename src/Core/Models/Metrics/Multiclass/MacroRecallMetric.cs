namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>macroRecall</c>: the unweighted mean of the per-class recall over the classes present in the labels or the
/// predictions; scikit-learn's <c>recall_score(average="macro", zero_division=0)</c> without <c>labels</c>. A class
/// that is predicted but never a label has recall 0 (0/0 under zero_division=0) and counts; a class that is neither
/// is left out (unlike <c>recall.&lt;class&gt;</c>, which names its class and is 0 there).
/// </summary>
public sealed class MacroRecallMetric : MulticlassMetric
{
    /// <inheritdoc/>
    public override string Id => "macroRecall";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(WeightedMulticlassRows rows) =>
        MetricValue.Defined(ClassAverage.Macro(rows, static (truePositive, _, actual) => ZeroDivision.RatioOrZero(truePositive, actual)));
}
