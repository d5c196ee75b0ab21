using ModelGates.Data;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>g_test</c>: the likelihood-ratio (G) test of homogeneity on the 2×K table,
/// <c>scipy.stats.chi2_contingency(table, lambda_="log-likelihood", correction=False)</c>:
/// G = 2 Σ O ln(O/E), chi-squared with K − 1 degrees of freedom. Categories empty on both sides are dropped.
/// </summary>
internal sealed class GTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public GTest()
        : base(new DriftTestTraits(
            "g_test",
            "G-test (log-likelihood ratio)",
            DriftThresholdKind.PValue,
            0.05,
            [ColumnKind.Categorical, ColumnKind.Boolean],
            MinimumSize: 1,
            IsSymmetric: true))
    {
    }

    private protected override DriftTestResult ComputeCore(CountVector reference, CountVector current) =>
        ContingencyTable.Test(AlignedCounts.Of(reference, current), logLikelihood: true);
}
