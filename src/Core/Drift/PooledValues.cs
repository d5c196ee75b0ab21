using System.Runtime.CompilerServices;

namespace ModelGates.Drift;

/// <summary>
/// One distinct value of two pooled samples, in ascending order, with each side's weight (or count) strictly below
/// and at or below it: what <see cref="DistinctValueWalk"/> gives at each step, and what a comparison inside DuckDB
/// streams out of its sorted union of both sides (<c>Engine/Inputs/PooledColumn</c>).
/// </summary>
internal readonly record struct PooledStep(double Value, double ReferenceBelow, double ReferenceThrough, double CurrentBelow, double CurrentThrough)
{
    /// <summary>The reference weight at <see cref="Value"/>.</summary>
    public double ReferenceAt => ReferenceThrough - ReferenceBelow;

    /// <summary>The current weight at <see cref="Value"/>.</summary>
    public double CurrentAt => CurrentThrough - CurrentBelow;
}

/// <summary>
/// A value test's statistic as one ascending pass over the pooled sample's distinct values. The in-memory test
/// and the comparison inside DuckDB feed the same accumulator, so both give the same bits for the same steps.
/// </summary>
internal interface IPooledStatistic
{
    /// <summary>Takes the next distinct value (ascending).</summary>
    void Add(in PooledStep step);

    /// <summary>The test's result once every value was added.</summary>
    DriftTestResult Result();
}

/// <summary>
/// What a pooled statistic needs besides the values: the sizes and the moments of each side (in DuckDB the moments
/// are the engine's sums, within rounding of the in-memory ones), and whether the reference is one value.
/// </summary>
internal sealed record PooledSides(SampleMoments Reference, SampleMoments Current, bool ReferenceConstant)
;

/// <summary>Runs a pooled statistic over two samples in memory.</summary>
internal static class PooledWalk
{
    /// <summary>Feeds every distinct value of the two samples to <paramref name="statistic"/> and returns its result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DriftTestResult Run<T>(NumericSample reference, NumericSample current, T statistic)
        where T : struct, IPooledStatistic
    {
        var walk = new DistinctValueWalk(reference, current);
        while (walk.MoveNext())
        {
            statistic.Add(new PooledStep(walk.Value, walk.ReferenceBelow, walk.ReferenceThrough, walk.CurrentBelow, walk.CurrentThrough));
        }

        return statistic.Result();
    }
}
