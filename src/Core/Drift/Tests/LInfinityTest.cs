using ModelGates.Data;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>linf</c>: the L-infinity distance max |r − c| between the proportions, in [0, 1]: TensorFlow Data
/// Validation's drift measure for categorical features.
/// </summary>
internal sealed class LInfinityTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public LInfinityTest()
        : base(new DriftTestTraits(
            "linf",
            "L-infinity distance",
            DriftThresholdKind.Distance,
            0.1,
            [ColumnKind.Categorical, ColumnKind.Boolean],
            MinimumSize: 1,
            IsSymmetric: true))
    {
    }

    private protected override DriftTestResult ComputeCore(CountVector reference, CountVector current)
    {
        var (r, c) = AlignedCounts.Of(reference, current).Proportions();
        var largest = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(r[i] - c[i]));
        }

        return DriftTestResult.OfDistance(largest);
    }
}
