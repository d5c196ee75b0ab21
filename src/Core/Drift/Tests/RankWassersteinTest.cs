using ModelGates.Data;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>wasserstein_rank</c>: the Wasserstein distance on the reference's rank scale. Both sides are mapped through the
/// reference's mid-distribution function T (<see cref="RankScale"/>), and the first Wasserstein distance between
/// them is multiplied by √12 (divided by a uniform's standard deviation): √12 · ∫ |F_ref − F_cur| dT. It does not
/// change under any increasing transform of the column (a log, a currency), so a heavy tail cannot swamp it; for a
/// normal column a shift of δ σ reads about 0.98 δ, the scale of the normed <c>wasserstein</c>. Accepts weights.
/// </summary>
internal sealed class RankWassersteinTest : ValueDriftTest
{
    /// <summary>Creates the test.</summary>
    public RankWassersteinTest()
        : base(new DriftTestTraits(
            "wasserstein_rank",
            "Wasserstein distance on the rank scale",
            DriftThresholdKind.Distance,
            0.1,
            [ColumnKind.Numeric, ColumnKind.Datetime],
            MinimumSize: 1,
            IsSymmetric: false,
            AcceptsWeights: true,
            ProfileUse: DriftProfileUse.Sketch,
            CdfDistance: CdfDistance.Rank))
    {
    }

    private protected override DriftTestResult ComputeCore(NumericSample reference, NumericSample current) =>
        DriftTestResult.OfDistance(RankScale.Distance(reference, current));

    /// <inheritdoc />
    internal override IPooledStatistic Pooled(PooledSides sides) => new Statistic(new RankScale.DistanceAccumulator(sides.Reference.Size, sides.Current.Size));

    private struct Statistic(RankScale.DistanceAccumulator distance) : IPooledStatistic
    {
        public void Add(in PooledStep step) => distance.Add(step);

        public readonly DriftTestResult Result() => DriftTestResult.OfDistance(distance.Value);
    }
}
