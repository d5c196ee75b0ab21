using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>psi</c>: the population stability index Σ (c − r) ln(c / r) over the proportions of each bin or
/// category (r reference, c current). Empty proportions are first set to <see cref="Epsilon"/> and each
/// side renormalised to sum to one (Evidently's 0.0001 rule, plus renormalisation). In nats;
/// symmetric in reference and current.
/// </summary>
internal sealed class PopulationStabilityIndexTest : CountDriftTest
{
    /// <summary>The proportion given to a bin that is empty on one side.</summary>
    public const double Epsilon = 1e-4;

    /// <summary>Creates the test.</summary>
    public PopulationStabilityIndexTest()
        : base(new DriftTestTraits(
            "psi",
            "Population stability index",
            DriftThresholdKind.Distance,
            0.1,
            [ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Boolean, ColumnKind.Datetime],
            MinimumSize: 1,
            IsSymmetric: true))
    {
    }

    private protected override DriftTestResult ComputeCore(CountVector reference, CountVector current)
    {
        var (r, c) = AlignedCounts.Of(reference, current).SmoothedProportions(Epsilon);
        var sum = new CompensatedSum();
        for (var i = 0; i < r.Length; i++)
        {
            sum.Add((c[i] - r[i]) * Math.Log(c[i] / r[i]));
        }

        return DriftTestResult.OfDistance(sum.Value);
    }
}
