namespace ModelGates.Profiles;

/// <summary>
/// A mergeable summary of a numeric distribution: sorted value points with integer weights.
/// When a column has at most <see cref="ProfileSettings.QuantilePoints"/> distinct values the points are
/// the exact value counts and <see cref="RankError"/> is 0. Otherwise each point stands for an equal share
/// of the rows (the exact order statistic in the middle of that share), and the empirical CDF of the
/// points is within <see cref="RankError"/> (a fraction of the count) of the true CDF everywhere.
/// Merging unions the points (the error of the union is at most the larger input error) and, when
/// there are too many, compresses them back, which adds 1/<c>points</c>.
/// </summary>
public sealed class QuantileSketch
{
    /// <summary>Creates a sketch; <paramref name="values"/> ascending and distinct, weights positive.</summary>
    internal QuantileSketch(IReadOnlyList<double> values, IReadOnlyList<long> weights, double rankError)
    {
        if (values.Count != weights.Count)
        {
            throw new ArgumentException("Values and weights must have the same length.", nameof(weights));
        }

        Values = values;
        Weights = weights;
        RankError = rankError;
        Count = weights.Sum();
    }

    /// <summary>The points, ascending and distinct.</summary>
    internal IReadOnlyList<double> Values { get; }

    /// <summary>How many rows each point stands for.</summary>
    internal IReadOnlyList<long> Weights { get; }

    /// <summary>The total weight (the number of non-missing values summarised).</summary>
    internal long Count { get; }

    /// <summary>Bound on |F̂(x) − F(x)| over all x, as a fraction of <see cref="Count"/>; 0 when exact.</summary>
    internal double RankError { get; }

    /// <summary>True when the points are the exact value counts.</summary>
    internal bool IsExact => RankError == 0;

    /// <summary>An empty sketch.</summary>
    internal static QuantileSketch Empty { get; } = new([], [], 0);

    /// <summary>An exact sketch from (value, count) pairs, compressed when there are more than <paramref name="points"/>.</summary>
    internal static QuantileSketch FromValueCounts(IEnumerable<(double Value, long Count)> valueCounts, int points)
    {
        var sorted = valueCounts.Where(v => v.Count > 0).OrderBy(v => v.Value).ToList();
        var values = new List<double>(sorted.Count);
        var weights = new List<long>(sorted.Count);
        foreach (var (value, count) in sorted)
        {
            if (values.Count > 0 && values[^1].Equals(value))
            {
                weights[^1] += count;
            }
            else
            {
                values.Add(value);
                weights.Add(count);
            }
        }

        var exact = new QuantileSketch(values, weights, 0);
        return values.Count <= points ? exact : exact.Compress(points);
    }

    /// <summary>
    /// A sketch from exact order statistics: <paramref name="midpoints"/>[i] is the value at fraction
    /// (i + 0.5) / points of <paramref name="count"/> sorted values.
    /// </summary>
    internal static QuantileSketch FromMidpoints(IReadOnlyList<double> midpoints, long count)
    {
        var points = midpoints.Count;
        var shaped = FromValueCounts(midpoints.Select((v, i) => (v, ShareOf(count, i, points))), points);

        // Each point sits mid-share, so the CDF is off by at most half a share plus a row of rounding
        // on each side; with count ≥ 4 × points (the builder's rule) that stays under one share.
        return new QuantileSketch(shaped.Values, shaped.Weights, 1.0 / points);
    }

    /// <summary>The union of two sketches, compressed to at most <paramref name="points"/> points.</summary>
    internal QuantileSketch Merge(QuantileSketch other, int points)
    {
        var union = new SortedDictionary<double, long>();
        foreach (var sketch in new[] { this, other })
        {
            for (var i = 0; i < sketch.Values.Count; i++)
            {
                union[sketch.Values[i]] = union.GetValueOrDefault(sketch.Values[i]) + sketch.Weights[i];
            }
        }

        var merged = new QuantileSketch(union.Keys.ToList(), union.Values.ToList(), Math.Max(RankError, other.RankError));
        return merged.Values.Count <= points ? merged : merged.Compress(points);
    }

    /// <summary>The share of values at or below <paramref name="x"/>, by the points.</summary>
    internal double Cdf(double x)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        long below = 0;
        for (var i = 0; i < Values.Count && Values[i] <= x; i++)
        {
            below += Weights[i];
        }

        return (double)below / Count;
    }

    /// <summary>The smallest point whose cumulative weight reaches fraction <paramref name="p"/> of the count.</summary>
    public double Quantile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var target = Math.Max(1, Math.Ceiling(p * Count));
        long cumulative = 0;
        for (var i = 0; i < Values.Count; i++)
        {
            cumulative += Weights[i];
            if (cumulative >= target)
            {
                return Values[i];
            }
        }

        return Values[^1];
    }

    /// <summary>This sketch when it has at most <paramref name="points"/> points, otherwise compressed to that many (adding 1/points to the error).</summary>
    internal QuantileSketch CompressedTo(int points) => Values.Count <= points ? this : Compress(points);

    /// <summary>
    /// The union of two sketches by one linear merge of their sorted points (what <see cref="Merge"/> gives, without
    /// its dictionary), compressed to at most <paramref name="points"/> points.
    /// </summary>
    internal QuantileSketch MergeSorted(QuantileSketch other, int points)
    {
        var values = new List<double>(Values.Count + other.Values.Count);
        var weights = new List<long>(values.Capacity);
        int i = 0, j = 0;
        while (i < Values.Count || j < other.Values.Count)
        {
            double value;
            long weight;
            if (j == other.Values.Count || (i < Values.Count && Values[i] < other.Values[j]))
            {
                (value, weight) = (Values[i], Weights[i++]);
            }
            else if (i == Values.Count || other.Values[j] < Values[i])
            {
                (value, weight) = (other.Values[j], other.Weights[j++]);
            }
            else
            {
                (value, weight) = (Values[i], Weights[i++] + other.Weights[j++]);
            }

            values.Add(value);
            weights.Add(weight);
        }

        return new QuantileSketch(values, weights, Math.Max(RankError, other.RankError)).CompressedTo(points);
    }

    private QuantileSketch Compress(int points)
    {
        var values = new List<double>(points);
        var weights = new List<long>(points);
        var index = 0;
        long cumulative = Weights[0];
        for (var i = 0; i < points; i++)
        {
            // The point standing for share i is the value at the middle rank of that share.
            var target = ((i + 0.5) * Count) / points;
            while (cumulative < target && index < Values.Count - 1)
            {
                index++;
                cumulative += Weights[index];
            }

            var weight = ShareOf(Count, i, points);
            if (values.Count > 0 && values[^1].Equals(Values[index]))
            {
                weights[^1] += weight;
            }
            else
            {
                values.Add(Values[index]);
                weights.Add(weight);
            }
        }

        return new QuantileSketch(values, weights, RankError + (1.0 / points));
    }

    /// <summary>Splits <paramref name="count"/> into <paramref name="parts"/> integer shares that differ by at most one.</summary>
    private static long ShareOf(long count, int i, int parts) =>
        (long)((Int128)count * (i + 1) / parts - (Int128)count * i / parts);
}
