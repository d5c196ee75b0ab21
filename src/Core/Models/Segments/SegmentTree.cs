namespace ModelGates.Models.Segments;

/// <summary>
/// A small regression tree on the per-row loss, grown on the search rows only: each split is the one that best
/// separates the loss (largest between-children sum of squares, n_L·n_R/n·(mean_L − mean_R)²) among numeric
/// thresholds at the node's twentieths and one-vs-rest categories, with at least <c>minLeaf</c> rows on each side.
/// Every node below the root is a candidate segment. Ties keep the first split in column order, so the tree is the
/// same for the same rows.
/// </summary>
internal static class SegmentTree
{
    /// <summary>Thresholds tried per numeric column and node: the 5 % quantiles of the node's values.</summary>
    public const int Quantiles = 20;

    /// <summary>Categories tried per column and node: the most frequent ones.</summary>
    public const int MaxCategories = 20;

    /// <summary>The candidate segments (each node's path of conditions), parents before children, left before right.</summary>
    public static IReadOnlyList<IReadOnlyList<SegmentCondition>> Grow(IReadOnlyList<SegmentFeature> features, double[] loss, int[] rows, int maxDepth, int minLeaf)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(rows);
        var candidates = new List<IReadOnlyList<SegmentCondition>>();
        var level = new List<(int[] Rows, List<SegmentCondition> Path)> { (rows, []) };
        for (var depth = 0; depth < maxDepth; depth++)
        {
            var next = new List<(int[] Rows, List<SegmentCondition> Path)>();
            foreach (var (nodeRows, path) in level)
            {
                if (BestSplit(features, loss, nodeRows, minLeaf) is not { } split)
                {
                    continue;
                }

                var feature = features.First(f => f.Name == split.Left.Column);
                var left = nodeRows.Where(r => split.Left.Holds(feature, r)).ToArray();
                var right = nodeRows.Where(r => !split.Left.Holds(feature, r)).ToArray();
                List<SegmentCondition> leftPath = [.. path, split.Left];
                List<SegmentCondition> rightPath = [.. path, split.Right];
                candidates.Add(leftPath);
                candidates.Add(rightPath);
                next.Add((left, leftPath));
                next.Add((right, rightPath));
            }

            level = next;
        }

        return candidates;
    }

    private static (SegmentCondition Left, SegmentCondition Right)? BestSplit(IReadOnlyList<SegmentFeature> features, double[] loss, int[] rows, int minLeaf)
    {
        if (rows.Length < 2 * minLeaf)
        {
            return null;
        }

        var total = 0.0;
        foreach (var r in rows)
        {
            total += loss[r];
        }

        (SegmentCondition Left, SegmentCondition Right)? best = null;
        var bestGain = 0.0;
        foreach (var feature in features)
        {
            var found = feature.Numbers is not null
                ? Numeric(feature, loss, rows, total, minLeaf)
                : Categorical(feature, loss, rows, total, minLeaf);
            if (found is { } f && f.Gain > bestGain)
            {
                bestGain = f.Gain;
                best = (f.Left, f.Right);
            }
        }

        return best;
    }

    private static (double Gain, SegmentCondition Left, SegmentCondition Right)? Numeric(SegmentFeature feature, double[] loss, int[] rows, double total, int minLeaf)
    {
        var values = feature.Numbers!;
        var present = rows.Where(r => !double.IsNaN(values[r])).OrderBy(r => values[r]).ThenBy(r => r).ToArray();
        if (present.Length == 0)
        {
            return null;
        }

        var hasMissing = present.Length < rows.Length;
        var prefix = new double[present.Length + 1];
        for (var i = 0; i < present.Length; i++)
        {
            prefix[i + 1] = prefix[i] + loss[present[i]];
        }

        (double Gain, SegmentCondition Left, SegmentCondition Right)? best = null;
        var tried = new HashSet<double>();
        for (var q = 1; q < Quantiles; q++)
        {
            var threshold = values[present[Math.Clamp((int)Math.Ceiling(q * present.Length / (double)Quantiles) - 1, 0, present.Length - 1)]];
            if (!tried.Add(threshold))
            {
                continue;
            }

            // Left: every present value at most the threshold (the last of a run of equal values included).
            var count = UpperBound(values, present, threshold);
            var gain = Gain(prefix[count], count, total, rows.Length, minLeaf);
            if (gain > (best?.Gain ?? 0))
            {
                best = (gain, new SegmentCondition(feature.Name, ConditionKind.AtMost, threshold, null, false),
                    new SegmentCondition(feature.Name, ConditionKind.Above, threshold, null, hasMissing));
            }
        }

        return best;
    }

    private static (double Gain, SegmentCondition Left, SegmentCondition Right)? Categorical(SegmentFeature feature, double[] loss, int[] rows, double total, int minLeaf)
    {
        var values = feature.Categories!;
        var sums = new Dictionary<string, (int Count, double Sum)>(StringComparer.Ordinal);
        var hasMissing = false;
        foreach (var r in rows)
        {
            if (values[r] is not { } value)
            {
                hasMissing = true;
                continue;
            }

            var (count, sum) = sums.GetValueOrDefault(value);
            sums[value] = (count + 1, sum + loss[r]);
        }

        (double Gain, SegmentCondition Left, SegmentCondition Right)? best = null;
        foreach (var (category, (count, sum)) in sums.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxCategories))
        {
            var gain = Gain(sum, count, total, rows.Length, minLeaf);
            if (gain > (best?.Gain ?? 0))
            {
                best = (gain, new SegmentCondition(feature.Name, ConditionKind.Equal, 0, category, false),
                    new SegmentCondition(feature.Name, ConditionKind.NotEqual, 0, category, hasMissing));
            }
        }

        return best;
    }

    // The between-children sum of squares of a split, or 0 when a side is smaller than minLeaf.
    private static double Gain(double leftSum, int leftCount, double total, int count, int minLeaf)
    {
        var rightCount = count - leftCount;
        if (leftCount < minLeaf || rightCount < minLeaf)
        {
            return 0;
        }

        var difference = (leftSum / leftCount) - ((total - leftSum) / rightCount);
        return leftCount * (double)rightCount / count * difference * difference;
    }

    private static int UpperBound(double[] values, int[] sorted, double threshold)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[sorted[mid]] <= threshold)
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
}
