using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>kl_div</c>: the Kullback–Leibler divergence KL(reference ‖ current) = Σ r ln(r / c) in nats,
/// <c>scipy.stats.entropy(r, c)</c>, after the same smoothing as <see cref="PopulationStabilityIndexTest"/>
/// (empty proportions set to 0.0001, each side renormalised). Not symmetric.
/// </summary>
internal sealed class KullbackLeiblerTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public KullbackLeiblerTest()
        : base(new DriftTestTraits(
            "kl_div",
            "Kullback–Leibler divergence",
            DriftThresholdKind.Distance,
            0.1,
            [ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Boolean, ColumnKind.Datetime],
            MinimumSize: 1,
            IsSymmetric: false))
    {
    }

    private protected override DriftTestResult ComputeCore(CountVector reference, CountVector current)
    {
        var (r, c) = AlignedCounts.Of(reference, current).SmoothedProportions(PopulationStabilityIndexTest.Epsilon);
        var sum = new CompensatedSum();
        for (var i = 0; i < r.Length; i++)
        {
            sum.Add(r[i] * Math.Log(r[i] / c[i]));
        }

        return DriftTestResult.OfDistance(sum.Value);
    }
}
