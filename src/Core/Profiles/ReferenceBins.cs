namespace ModelGates.Profiles;

/// <summary>
/// The bins binned drift tests compare on, frozen from the reference: inner edges at the reference's
/// deciles (duplicates removed), outer bins open. Bin 0 is (−∞, Edges[0]), bin i is [Edges[i−1], Edges[i]),
/// the last is [Edges[^1], +∞). Stored with the profile so that every run bins the same way.
/// </summary>
/// <param name="Edges">Ascending, distinct inner edges.</param>
/// <param name="Counts">Count per bin, one more than the edges.</param>
/// <param name="IsExact">False when a merge had to redistribute counts onto other edges.</param>
public sealed record ReferenceBins(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts, bool IsExact = true)
{
    /// <summary>The bin index of <paramref name="value"/>: the number of edges at or below it.</summary>
    internal static int BinOf(IReadOnlyList<double> edges, double value)
    {
        var lo = 0;
        var hi = edges.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (edges[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Distinct ascending edges from candidate quantiles.</summary>
    internal static double[] EdgesFrom(IEnumerable<double> quantiles) => quantiles.Distinct().Order().ToArray();

    /// <summary>Counts the points of a sketch into bins with the given edges; exact when the sketch is.</summary>
    internal static ReferenceBins FromSketch(IReadOnlyList<double> edges, QuantileSketch sketch)
    {
        var counts = new long[edges.Count + 1];
        for (var i = 0; i < sketch.Values.Count; i++)
        {
            counts[BinOf(edges, sketch.Values[i])] += sketch.Weights[i];
        }

        return new ReferenceBins(edges, counts, sketch.IsExact);
    }
}
