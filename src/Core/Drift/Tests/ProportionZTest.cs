using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>z</c>: the pooled two-proportion z-test for a binary column (statsmodels' <c>proportions_ztest</c>).
/// Counts are [false, true]; z = (p_ref − p_cur) / √(p̂(1 − p̂)(1/n_ref + 1/n_cur)) with p the share of
/// <c>true</c> and p̂ the pooled share; the p-value is two-sided normal. When every value on both sides
/// is the same (p̂ is 0 or 1) statsmodels returns NaN; here z = 0 and p = 1.
/// </summary>
internal sealed class ProportionZTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public ProportionZTest()
        : base(new DriftTestTraits(
            "z",
            "Two-proportion z-test",
            DriftThresholdKind.PValue,
            0.05,
            [ColumnKind.Boolean],
            MinimumSize: 1,
            IsSymmetric: true))
    {
    }

    private protected override DriftTestResult ComputeCore(CountVector reference, CountVector current)
    {
        TwoCategories.Require(this, reference);
        double n1 = reference.Total;
        double n2 = current.Total;
        double x1 = reference.Counts[1];
        double x2 = current.Counts[1];
        var pooled = (x1 + x2) / (n1 + n2);
        if (pooled == 0 || pooled == 1)
        {
            return DriftTestResult.OfTest(0.0, 1.0, PValueMethod.Exact);
        }

        var spread = Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));
        var z = ((x1 / n1) - (x2 / n2)) / spread;
        return DriftTestResult.OfTest(z, 2 * NormalDistribution.Sf(Math.Abs(z)), PValueMethod.Asymptotic);
    }
}
