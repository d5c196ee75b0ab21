namespace ModelGates.Profiles;

/// <summary>
/// Counts of values in bins with explicit edges: bin i holds values in [Edges[i], Edges[i+1]),
/// the last bin also holds its upper edge. Used for the equal-width display histogram.
/// </summary>
/// <param name="Edges">Ascending edges, one more than the counts.</param>
/// <param name="Counts">Count per bin.</param>
/// <param name="IsExact">False when the counts were redistributed by a merge of different edges.</param>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts, bool IsExact = true)
{
    /// <summary>No bins.</summary>
    internal static Histogram Empty { get; } = new([], []);

    /// <summary>Equal-width edges over [min, max]; a single bin when min equals max.</summary>
    internal static double[] EqualWidthEdges(double min, double max, int bins)
    {
        if (!(max > min))
        {
            return [min, max];
        }

        var width = (max - min) / bins;
        var edges = new double[bins + 1];
        for (var i = 0; i < bins; i++)
        {
            edges[i] = min + (i * width);
        }

        edges[bins] = max;
        return edges;
    }

    /// <summary>
    /// Adds two histograms. With identical edges the result is exact; otherwise both are redistributed onto
    /// equal-width edges over the union range, assuming values spread evenly inside each bin (marked inexact).
    /// </summary>
    internal Histogram Merge(Histogram other, int bins)
    {
        if (Counts.Count == 0)
        {
            return other;
        }

        if (other.Counts.Count == 0)
        {
            return this;
        }

        if (Edges.SequenceEqual(other.Edges))
        {
            return new Histogram(Edges, Counts.Zip(other.Counts, (a, b) => a + b).ToArray(), IsExact && other.IsExact);
        }

        var edges = EqualWidthEdges(Math.Min(Edges[0], other.Edges[0]), Math.Max(Edges[^1], other.Edges[^1]), bins);
        var counts = new double[edges.Length - 1];
        Spread(this, edges, counts);
        Spread(other, edges, counts);
        return new Histogram(edges, RoundPreservingTotal(counts, Counts.Sum() + other.Counts.Sum()), IsExact: false);
    }

    private static void Spread(Histogram source, double[] edges, double[] counts)
    {
        for (var i = 0; i < source.Counts.Count; i++)
        {
            var (lo, hi, count) = (source.Edges[i], source.Edges[i + 1], (double)source.Counts[i]);
            for (var j = 0; j < counts.Length; j++)
            {
                if (hi <= lo)
                {
                    // A zero-width bin (a constant column) lands in the one target bin holding its value.
                    if (lo >= edges[j] && (lo < edges[j + 1] || j == counts.Length - 1))
                    {
                        counts[j] += count;
                        break;
                    }

                    continue;
                }

                var overlap = Math.Min(hi, edges[j + 1]) - Math.Max(lo, edges[j]);
                if (overlap > 0)
                {
                    counts[j] += count * overlap / (hi - lo);
                }
            }
        }
    }

    private static long[] RoundPreservingTotal(double[] counts, long total)
    {
        // Largest-remainder rounding keeps the merged total equal to the sum of the inputs.
        var floors = counts.Select(c => (long)Math.Floor(c)).ToArray();
        var missing = total - floors.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => counts[i] - floors[i]).ThenBy(i => i).Take((int)Math.Max(0, missing)))
        {
            floors[i]++;
        }

        return floors;
    }
}
