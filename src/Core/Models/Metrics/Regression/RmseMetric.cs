namespace ModelGates.Models.Metrics;

/// <summary><c>rmse</c>: √(Σ wᵢ (yᵢ − ŷᵢ)² / Σ wᵢ); the square root of scikit-learn's <c>mean_squared_error</c>.</summary>
public sealed class RmseMetric : RegressionMetric
{
    /// <inheritdoc/>
    public override string Id => "rmse";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.LowerIsBetter;

    internal override MetricValue Compute(WeightedRegressionRows rows) =>
        MetricValue.Defined(Math.Sqrt(rows.WeightedMean(static (y, p) => (y - p) * (y - p))));
}
