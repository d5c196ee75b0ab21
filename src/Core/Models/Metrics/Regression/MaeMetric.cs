namespace ModelGates.Models.Metrics;

/// <summary><c>mae</c>: Σ wᵢ |yᵢ − ŷᵢ| / Σ wᵢ; scikit-learn's <c>mean_absolute_error</c>.</summary>
public sealed class MaeMetric : RegressionMetric
{
    /// <inheritdoc/>
    public override string Id => "mae";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.LowerIsBetter;

    internal override MetricValue Compute(WeightedRegressionRows rows) =>
        MetricValue.Defined(rows.WeightedMean(static (y, p) => Math.Abs(y - p)));
}
