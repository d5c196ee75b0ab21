using ModelGates.Statistics;

namespace ModelGates.Profiles.Streaming;

/// <summary>
/// A quantile sketch of a stream too long to sort at once, with a deterministic rank-error bound. Values come in
/// leaves (sorted runs of at most <see cref="StreamingNumericColumn.LeafSize"/> values, in stream order); a leaf is
/// summarised by the profiler's own rule at <see cref="TreePoints"/> points (exact value counts, or the exact
/// mid-share order statistics: error 1/<see cref="TreePoints"/>), and summaries merge pairwise like a binary
/// counter, each merge compressed back to <see cref="TreePoints"/> points (another 1/<see cref="TreePoints"/> on
/// the merged part only); at the end the summaries left are united and compressed once. A value passes through at
/// most one summary per level, so the error of the root is at most (⌊log₂ leaves⌋ + 2)/<see cref="TreePoints"/>:
/// 12/4096 ≈ 0.29% for the 1,526 leaves of 100 million values, which the final compression to the profile's points
/// adds 1/points to. Sketches carry their own bound
/// (<see cref="QuantileSketch.RankError"/>), so what is written is the bound this stream earned, not a worst case.
/// The result depends only on the values and their order, never on threads.
/// </summary>
internal sealed class StreamingQuantiles
{
    /// <summary>Points each summary of the tree keeps.</summary>
    public const int TreePoints = 4096;

    private readonly List<QuantileSketch?> levels = [];
    private readonly int points;

    /// <param name="points">Points per summary (<see cref="TreePoints"/>; tests use fewer to exercise the tree on small data).</param>
    public StreamingQuantiles(int points = TreePoints) => this.points = points;

    /// <summary>Adds a leaf: values sorted ascending, the next run of the stream.</summary>
    public void AddSortedLeaf(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            return;
        }

        var distinct = SortedValues.DistinctCount(sorted);
        var leaf = distinct <= points || sorted.Length < 4L * points
            ? QuantileSketch.FromValueCounts(NumericColumnProfiler.Runs(sorted, distinct), points)
            : QuantileSketch.FromMidpoints(NumericColumnProfiler.Midpoints(sorted, points), sorted.Length);
        var level = 0;
        while (true)
        {
            if (level == levels.Count)
            {
                levels.Add(leaf);
                return;
            }

            if (levels[level] is not { } held)
            {
                levels[level] = leaf;
                return;
            }

            // The earlier summary first, so that the merge order follows the stream.
            leaf = held.MergeSorted(leaf, points);
            levels[level] = null;
            level++;
        }
    }

    /// <summary>
    /// The sketch of everything added, before its final compression: the summaries left on the levels united, then
    /// compressed once (one more 1/points). Exact while every merge kept at most the tree's points.
    /// </summary>
    public QuantileSketch Root()
    {
        QuantileSketch? root = null;
        for (var level = levels.Count - 1; level >= 0; level--)
        {
            if (levels[level] is { } sketch)
            {
                // United without compressing: a value would otherwise be compressed once per level left here.
                root = root is null ? sketch : root.MergeSorted(sketch, int.MaxValue);
            }
        }

        return root?.CompressedTo(points) ?? QuantileSketch.Empty;
    }
}
