using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>jensenshannon</c>: the Jensen–Shannon distance (the square root of the Jensen–Shannon divergence)
/// with base-2 logarithms, <c>scipy.spatial.distance.jensenshannon(r, c, base=2)</c>: a metric in [0, 1].
/// Empty proportions need no smoothing (0 ln 0 = 0).
/// </summary>
internal sealed class JensenShannonTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public JensenShannonTest()
        : base(new DriftTestTraits(
            "jensenshannon",
            "Jensen–Shannon distance",
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
            var m = (r[i] + c[i]) / 2.0;
            sum.Add(RelativeEntropy(r[i], m));
            sum.Add(RelativeEntropy(c[i], m));
        }

        var divergence = sum.Value / Math.Log(2.0);
        return DriftTestResult.OfDistance(Math.Sqrt(Math.Max(0.0, divergence / 2.0)));
    }

    // SciPy's rel_entr: p ln(p/q), 0 for p = 0.
    private static double RelativeEntropy(double p, double q) => p == 0 ? 0.0 : p * Math.Log(p / q);
}
