using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>hellinger</c>: the Hellinger distance H = √(1 − Σ √(r c)) = (1/√2) ‖√r − √c‖₂ between the
/// proportions, in [0, 1] (the convention with the 1/√2 factor). Computed from the second form, which
/// keeps its digits when the distributions are close.
/// </summary>
internal sealed class HellingerTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public HellingerTest()
        : base(new DriftTestTraits(
            "hellinger",
            "Hellinger distance",
            DriftThresholdKind.Distance,
            0.1,
            [ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Boolean, ColumnKind.Datetime],
            MinimumSize: 1,
            IsSymmetric: true))
    {
    }

    private protected override DriftTestResult ComputeCore(CountVector reference, CountVector current)
    {
        var (r, c) = AlignedCounts.Of(reference, current).Proportions();
        var sum = new CompensatedSum();
        for (var i = 0; i < r.Length; i++)
        {
            var difference = Math.Sqrt(r[i]) - Math.Sqrt(c[i]);
            sum.Add(difference * difference);
        }

        return DriftTestResult.OfDistance(Math.Sqrt(sum.Value) / Math.Sqrt(2.0));
    }
}
