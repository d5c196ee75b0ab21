using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary><c>tvd</c>: the total variation distance ½ Σ |r − c| between the proportions, in [0, 1].</summary>
internal sealed class TotalVariationTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public TotalVariationTest()
        : base(new DriftTestTraits(
            "tvd",
            "Total variation distance",
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
            sum.Add(Math.Abs(r[i] - c[i]));
        }

        return DriftTestResult.OfDistance(sum.Value / 2.0);
    }
}
