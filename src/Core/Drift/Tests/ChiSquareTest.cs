using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>chisquare</c>: Pearson's chi-squared test of homogeneity on the 2×K table of reference and current
/// counts, <c>scipy.stats.chi2_contingency(table, correction=False)</c>. Categories empty on both sides
/// are dropped first (SciPy would reject their zero expected frequency); with one category left there
/// is nothing to compare and the result is statistic 0, p-value 1, as SciPy gives for zero degrees of freedom.
/// </summary>
internal sealed class ChiSquareTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public ChiSquareTest()
        : base(new DriftTestTraits(
            "chisquare",
            "Chi-squared",
            DriftThresholdKind.PValue,
            0.05,
            [ColumnKind.Categorical, ColumnKind.Boolean],
            MinimumSize: 1,
            IsSymmetric: true))
    {
    }

    private protected override DriftTestResult ComputeCore(CountVector reference, CountVector current) =>
        ContingencyTable.Test(AlignedCounts.Of(reference, current), logLikelihood: false);
}
