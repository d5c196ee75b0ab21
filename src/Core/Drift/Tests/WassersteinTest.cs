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
}
