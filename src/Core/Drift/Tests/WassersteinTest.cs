using ModelGates.Data;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>wasserstein</c>: the first Wasserstein (earth mover's) distance between the empirical
/// distributions, ∫ |F_ref − F_cur| dx (<c>scipy.stats.wasserstein_distance</c>), divided by the
/// reference's population standard deviation so that thresholds are in reference standard deviations.
/// Accepts frequency weights on either side.
/// </summary>
internal sealed class WassersteinTest : ValueDriftTest
{
    /// <summary>Creates the test.</summary>
    public WassersteinTest()
        : base(new DriftTestTraits(
            "wasserstein",
            "Wasserstein distance (normed)",
            DriftThresholdKind.Distance,
            0.1,
            [ColumnKind.Numeric, ColumnKind.Datetime],
            MinimumSize: 1,
            IsSymmetric: false,
            AcceptsWeights: true,
            ProfileUse: DriftProfileUse.Sketch,
            CdfDistance: CdfDistance.Absolute))
    {
    }

    private protected override DriftTestResult ComputeCore(NumericSample reference, NumericSample current)
    {
        var distance = EmpiricalCdfIntegral.Of(reference, current, squared: false);
        return DriftTestResult.OfDistance(ReferenceScale.Divide(distance, reference));
    }

    /// <inheritdoc />
    internal override IPooledStatistic Pooled(PooledSides sides) => new Statistic(sides, squared: false);

    /// <summary>The normed CDF integral of <c>wasserstein</c> (absolute) or <c>ed</c> (squared) streamed.</summary>
    internal struct Statistic(PooledSides sides, bool squared) : IPooledStatistic
    {
        private EmpiricalCdfIntegral.Accumulator integral = new(sides.Reference.Size, sides.Current.Size, squared);

        public void Add(in PooledStep step) => integral.Add(step);

        public readonly DriftTestResult Result()
        {
            var distance = squared ? Math.Sqrt(2.0) * Math.Sqrt(integral.Value) : integral.Value;
            return DriftTestResult.OfDistance(ReferenceScale.Divide(distance, sides.ReferenceConstant, sides.Reference.PopulationStandardDeviation));
        }
    }
}
