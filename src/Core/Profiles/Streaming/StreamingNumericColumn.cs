using ModelGates.Statistics;

namespace ModelGates.Profiles.Streaming;

/// <summary>
/// The first pass over one numeric column of a stream: count, moments, minimum, maximum, a quantile sketch and
/// distinct-count registers, in memory that does not grow with the row count (one leaf of
/// <see cref="LeafSize"/> values and the sketch's tree). Each full leaf is sorted and summarised as the
/// in-memory profiler summarises a whole column: its moments by the same blocked two-pass sums, merged leaf after
/// leaf by Chan, Golub and LeVeque's update; registers by maximum; the sketch by <see cref="StreamingQuantiles"/>.
/// Leaves are cut by value count in stream order, so the result depends on the values and their order only.
/// </summary>
internal sealed class StreamingNumericColumn
{
    /// <summary>Values sorted and summarised at a time.</summary>
    public const int LeafSize = 1 << 16;

    private readonly double[] leaf;
    private readonly byte[] registers = new byte[DistinctSketch.RegisterCount];
    private readonly StreamingQuantiles quantiles;
    private int filled;
    private Moments moments = Moments.Empty;
    private double min = double.PositiveInfinity;
    private double max = double.NegativeInfinity;

    /// <param name="leafSize">Values per leaf (<see cref="LeafSize"/>; tests use smaller leaves).</param>
    /// <param name="treePoints">Points per summary of the sketch's tree (<see cref="StreamingQuantiles.TreePoints"/>).</param>
    public StreamingNumericColumn(int leafSize = LeafSize, int treePoints = StreamingQuantiles.TreePoints)
    {
        leaf = new double[leafSize];
        quantiles = new StreamingQuantiles(treePoints);
    }

    /// <summary>Adds the next non-missing, finite values of the column, in stream order.</summary>
    public void Add(ReadOnlySpan<double> values)
    {
        while (!values.IsEmpty)
        {
            var take = Math.Min(leaf.Length - filled, values.Length);
            values[..take].CopyTo(leaf.AsSpan(filled));
            filled += take;
            values = values[take..];
            if (filled == leaf.Length)
            {
                Flush();
            }
        }
    }

    /// <summary>What the pass found; the sketch compressed to <paramref name="points"/>.</summary>
    public StreamedNumeric Finish(int points)
    {
        Flush();
        var root = quantiles.Root();
        return moments.Count == 0
            ? new StreamedNumeric(moments, double.NaN, double.NaN, QuantileSketch.Empty, 0, null)
            : new StreamedNumeric(
                moments,
                min,
                max,
                root.CompressedTo(points),
                root.IsExact ? root.Values.Count : null,
                registers);
    }

    private void Flush()
    {
        if (filled == 0)
        {
            return;
        }

        var sorted = leaf.AsSpan(0, filled);
        DoubleRadixSort.Sort(sorted);
        min = Math.Min(min, sorted[0]);
        max = Math.Max(max, sorted[^1]);
        moments = moments.Merge(NumericColumnProfiler.MomentsOf(sorted));
        ValueHash.AddSorted(registers, sorted);
        quantiles.AddSortedLeaf(sorted);
        filled = 0;
    }
}

/// <summary>The first pass's summary of a numeric column.</summary>
/// <param name="Moments">Count, mean and M2.</param>
/// <param name="Min">Smallest value (NaN without values).</param>
/// <param name="Max">Largest value (NaN without values).</param>
/// <param name="Sketch">The quantile sketch at the profile's points.</param>
/// <param name="ExactDistinct">The distinct count when the sketch's tree held every value exactly, otherwise null.</param>
/// <param name="Registers">HyperLogLog registers of the values (null without values).</param>
internal sealed record StreamedNumeric(Moments Moments, double Min, double Max, QuantileSketch Sketch, long? ExactDistinct, byte[]? Registers)
{
    /// <summary>The equal-width edges of the display histogram.</summary>
    public double[] HistogramEdges(ProfileSettings settings) =>
        Moments.Count == 0 ? [] : Histogram.EqualWidthEdges(Min, Max, settings.HistogramBins);

    /// <summary>The inner edges of the reference bins: the sketch's deciles, as the in-memory profiler takes them.</summary>
    public double[] ReferenceEdges(ProfileSettings settings) =>
        Moments.Count == 0 ? [] : ReferenceBins.EdgesFrom(Enumerable.Range(1, settings.DriftBins - 1).Select(k => Sketch.Quantile((double)k / settings.DriftBins)));
}
