using ModelGates.Data;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>ed</c>: the energy distance between the empirical distributions,
/// √(2 ∫ (F_ref − F_cur)² dx) (<c>scipy.stats.energy_distance</c>), computed from the sorted samples in
/// O(n + m) rather than from all pairs, divided by the reference's population standard deviation.
/// Accepts frequency weights on either side.
/// </summary>
internal sealed class EnergyDistanceTest : ValueDriftTest
{
    /// <summary>Creates the test.</summary>
    public EnergyDistanceTest()
        : base(new DriftTestTraits(
            "ed",
            "Energy distance (normed)",
            DriftThresholdKind.Distance,
            0.1,
            [ColumnKind.Numeric, ColumnKind.Datetime],
            MinimumSize: 1,
            IsSymmetric: false,
            AcceptsWeights: true,
            ProfileUse: DriftProfileUse.Sketch,
            CdfDistance: CdfDistance.Squared))
    {
    }

    private protected override DriftTestResult ComputeCore(NumericSample reference, NumericSample current)
    {
        var distance = Math.Sqrt(2.0) * Math.Sqrt(EmpiricalCdfIntegral.Of(reference, current, squared: true));
        return DriftTestResult.OfDistance(ReferenceScale.Divide(distance, reference));
    }

    /// <inheritdoc />
    internal override IPooledStatistic Pooled(PooledSides sides) => new WassersteinTest.Statistic(sides, squared: true);
}
