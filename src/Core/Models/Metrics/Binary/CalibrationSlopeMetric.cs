namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>calibrationSlope</c>: the slope b of the logistic recalibration P(y = 1) = σ(a + b·logit p),
/// fitted by maximum likelihood (scikit-learn's <c>LogisticRegression(penalty=None)</c> on logit p).
/// 1 is ideal; below 1 the probabilities are too extreme (overfitting), above 1 too timid. It has no
/// better direction: declared higher-is-better only so that change gates have a sign; gate it with
/// <c>min</c> and <c>max</c>. Undefined for free scores, one class, constant scores, or scores that
/// separate the classes completely (no finite fit).
/// </summary>
public sealed class CalibrationSlopeMetric : BinaryMetric
{
    /// <inheritdoc/>
    public override string Id => "calibrationSlope";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(BinaryScoreTable table) => LogisticRecalibration.Slope(table);
}
