namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>gini</c>: the Gini coefficient (accuracy ratio) credit scorecards report, 2·AUC − 1 with
/// <see cref="RocAucMetric"/>'s AUC (ties count half). 0 for a random ranking, 1 for a perfect one,
/// negative for an inverted one. Undefined when only one class is present.
/// </summary>
public sealed class GiniMetric : BinaryMetric
{
    private static readonly RocAucMetric Auc = new();

    /// <inheritdoc/>
    public override string Id => "gini";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table)
    {
        var auc = Auc.Compute(table);
        return auc.Value is { } value ? MetricValue.Defined((2.0 * value) - 1.0) : auc;
    }
}
