namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>mape</c>: Σ wᵢ |yᵢ − ŷᵢ| / max(|yᵢ|, ε) / Σ wᵢ with ε = 2^-52; scikit-learn's
/// <c>mean_absolute_percentage_error</c>. A fraction (0.1 is 10 %), not a percentage. A label of 0
/// divides by ε, so one wrong prediction of a zero label gives an enormous value, as in scikit-learn.
/// </summary>
public sealed class MapeMetric : RegressionMetric
{
    /// <summary>The floor of the denominator: numpy's <c>np.finfo(np.float64).eps</c>, 2^-52.</summary>
    public static readonly double Epsilon = Math.BitIncrement(1.0) - 1.0;

    /// <inheritdoc/>
    public override string Id => "mape";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.LowerIsBetter;

    internal override MetricValue Compute(WeightedRegressionRows rows) =>
        MetricValue.Defined(rows.WeightedMean(static (y, p) => Math.Abs(p - y) / Math.Max(Math.Abs(y), Epsilon)));
}
