using System.Globalization;

namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>recall.&lt;class&gt;</c>: the recall of one class, the weighted share of its rows predicted
/// as it; scikit-learn's <c>recall_score(average=None, labels=range(K), zero_division=0)[class]</c>.
/// 0 when the class has no rows (zero_division=0).
/// </summary>
public sealed class ClassRecallMetric : MulticlassMetric
{
    /// <summary>The prefix of the per-class recall ids: <c>recall.0</c>, <c>recall.1</c>, ...</summary>
    public const string IdPrefix = "recall.";

    /// <summary>Creates the recall metric of one class.</summary>
    /// <param name="classIndex">The class, 0-based.</param>
    public ClassRecallMetric(int classIndex)
    {
        if (classIndex < 0)
        {
            throw new ArgumentException(
                "A class index cannot be negative, got " + classIndex.ToString(CultureInfo.InvariantCulture) + ".",
                nameof(classIndex));
        }

        ClassIndex = classIndex;
    }

    /// <summary>The class whose recall this is.</summary>
    public int ClassIndex { get; }

    /// <inheritdoc/>
    public override string Id => IdPrefix + ClassIndex.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override void CheckClassCount(int classCount)
    {
        if (ClassIndex >= classCount)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The metric '{Id}' names class {ClassIndex}, but the predictions have classes 0..{classCount - 1}."),
                nameof(classCount));
        }
    }

    internal override MetricValue Compute(WeightedMulticlassRows rows)
    {
        CheckClassCount(rows.ClassCount);
        var truePositive = rows.Confusion[(ClassIndex * rows.ClassCount) + ClassIndex];
        return MetricValue.Defined(ZeroDivision.RatioOrZero(truePositive, rows.TrueWeight(ClassIndex)));
    }
}
