namespace ModelGates.Drift;

/// <summary>
/// The reference's mid-distribution function T(x) = (weight below x + half the weight at x) / total, the map onto
/// the reference's rank scale (docs/drift.md#heavy-tailed-numbers). It is monotone, so it keeps the order of both
/// sides, and it does not depend on the column's unit or shape: on this scale the reference is close to uniform
/// on [0, 1] whatever its tail, and the rank Wasserstein distance measures how far the current moved in the
/// reference's quantiles.
/// </summary>
internal sealed class RankScale
{
    /// <summary>√12: one over a uniform's standard deviation, so that a normal shift of δ σ reads about δ.</summary>
    public static readonly double Norm = Math.Sqrt(12.0);

    private readonly double[] values;
    private readonly double[] cumulative;
    private readonly double total;

    private RankScale(double[] values, double[] cumulative, double total)
    {
        this.values = values;
        this.cumulative = cumulative;
        this.total = total;
    }

    /// <summary>The scale of a reference sample (weighted or not).</summary>
    public static RankScale Of(NumericSample reference)
    {
        var v = reference.Values;
        var w = reference.Weights;
        var distinct = new List<double>();
        var through = new List<double>();
        var sum = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            sum += reference.IsWeighted ? w[i] : 1.0;
            if (distinct.Count > 0 && distinct[^1] == v[i])
            {
                through[^1] = sum;
            }
            else
            {
                distinct.Add(v[i]);
                through.Add(sum);
            }
        }

        return new RankScale([.. distinct], [.. through], sum);
    }

    /// <summary>T(x): the reference weight below x plus half the weight at x, as a share of the total.</summary>
    public double this[double x]
    {
        get
        {
            var index = Array.BinarySearch(values, x);
            if (index >= 0)
            {
                var below = index == 0 ? 0.0 : cumulative[index - 1];
                return (below + ((cumulative[index] - below) / 2.0)) / total;
            }

            var next = ~index;
            return next == 0 ? 0.0 : cumulative[next - 1] / total;
        }
    }

    /// <summary>
    /// √12 · ∫ |F_ref − F_cur| dT over the pooled values: the Wasserstein distance between both sides mapped by T,
    /// normed by a uniform's standard deviation. One merge of the sorted samples.
    /// </summary>
    public static double Distance(NumericSample reference, NumericSample current)
    {
        var distance = new DistanceAccumulator(reference.Size, current.Size);
        var walk = new DistinctValueWalk(reference, current);
        while (walk.MoveNext())
        {
            distance.Add(new PooledStep(walk.Value, walk.ReferenceBelow, walk.ReferenceThrough, walk.CurrentBelow, walk.CurrentThrough));
        }

        return distance.Value;
    }

    /// <summary><see cref="Distance"/> as one ascending pass over the pooled distinct values (in memory, or streamed out of DuckDB).</summary>
    internal struct DistanceAccumulator(double referenceSize, double currentSize)
    {
        private Statistics.CompensatedSum sum;
        private bool started;
        private double previousRank;
        private double previousDifference;

        /// <summary>The distance over the values added so far.</summary>
        public readonly double Value => started ? Norm * sum.Value : 0.0;

        public void Add(in PooledStep step)
        {
            var rank = (step.ReferenceBelow + (step.ReferenceAt / 2.0)) / referenceSize;
            if (started)
            {
                sum.Add(Math.Abs(previousDifference) * (rank - previousRank));
            }

            started = true;
            previousRank = rank;
            previousDifference = (step.ReferenceThrough / referenceSize) - (step.CurrentThrough / currentSize);
        }
    }
}
