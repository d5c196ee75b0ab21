using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>fisher_exact</c>: Fisher's exact test on the 2×2 table [[ref_false, ref_true], [cur_false, cur_true]],
/// <c>scipy.stats.fisher_exact(table, alternative='two-sided')</c>. Statistic: the sample odds ratio
/// (ref_false·cur_true)/(ref_true·cur_false), +∞ when a denominator count is zero, and 1 (SciPy: NaN)
/// when a category is empty on both sides.
/// </summary>
internal sealed class FisherExactTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public FisherExactTest()
        : base(new DriftTestTraits(
            "fisher_exact",
            "Fisher's exact test",
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
        long a = reference.Counts[0], b = reference.Counts[1], c = current.Counts[0], d = current.Counts[1];
        if (a + c == 0 || b + d == 0)
        {
            return DriftTestResult.OfTest(1.0, 1.0, PValueMethod.Exact);
        }

        var oddsRatio = c > 0 && b > 0
            ? (double)((Int128)a * d) / (double)((Int128)c * b)
            : double.PositiveInfinity;
        return DriftTestResult.OfTest(oddsRatio, FisherExactPValue.TwoSided(a, b, c, d), PValueMethod.Exact);
    }
}
