namespace ModelGates.Models.Metrics;

/// <summary>
/// The bins of the expected calibration error, computed from the per-score table so that a bootstrap
/// resample re-bins without sorting. Edges are computed with scikit-learn 1.2's and numpy 1.24's
/// arithmetic step by step, so a probability that sits exactly on an edge lands in the same bin.
/// </summary>
internal static class CalibrationBins
{
    /// <summary>
    /// The interior edges (B − 1 of them, ascending) of equal-width bins: numpy's
    /// <c>linspace(0, 1, B + 1)</c>, whose points are i · (1 / B), without its first and last.
    /// </summary>
    public static double[] EqualWidthEdges(int bins)
    {
        var step = 1.0 / bins;
        var edges = new double[bins - 1];
        for (var i = 1; i < bins; i++)
        {
            edges[i - 1] = i * step;
        }

        return edges;
    }

    /// <summary>
    /// The interior edges of equal-frequency bins: numpy's <c>percentile(p, linspace(0, 1, B + 1) * 100)</c>
    /// with its default linear interpolation, where a row of weight w stands for w rows (exactly so for
    /// the integer draw counts of the bootstrap).
    /// </summary>
    public static double[] EqualFrequencyEdges(BinaryScoreTable table, int bins)
    {
        var step = 1.0 / bins;
        var n = table.Total;
        var edges = new double[bins - 1];

        // Two cursors walk the blocks from the lowest score up, one for each end of the
        // interpolation: each asks for ascending positions, the two together do not.
        var lower = new SortedPosition(table);
        var upper = new SortedPosition(table);
        var lowest = LowestWeighted(table);
        var highest = HighestWeighted(table);
        for (var i = 1; i < bins; i++)
        {
            // linspace, then * 100 in calibration_curve, then / 100 in percentile, as numpy rounds them.
            var q = i * step * 100.0 / 100.0;
            var virtualIndex = (n - 1.0) * q;
            if (virtualIndex >= n - 1.0)
            {
                edges[i - 1] = highest;
            }
            else if (virtualIndex < 0.0)
            {
                edges[i - 1] = lowest;
            }
            else
            {
                var previous = Math.Floor(virtualIndex);
                var gamma = virtualIndex - previous;
                var a = lower.ValueAt(previous);
                var b = upper.ValueAt(previous + 1.0);
                edges[i - 1] = Lerp(a, b, gamma);
            }
        }

        return edges;
    }

    /// <summary>The calibration error: Σ over non-empty bins of (bin weight / total) · |observed rate − mean probability|.</summary>
    public static double ExpectedError(BinaryScoreTable table, double[] edges)
    {
        var bins = edges.Length + 1;
        Span<double> weight = bins <= 256 ? stackalloc double[bins] : new double[bins];
        Span<double> probabilitySum = bins <= 256 ? stackalloc double[bins] : new double[bins];
        Span<double> positiveSum = bins <= 256 ? stackalloc double[bins] : new double[bins];
        weight.Clear();
        probabilitySum.Clear();
        positiveSum.Clear();
        var scores = table.Scores;
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;

        // Blocks descend, so the bin (the number of edges strictly below the score, numpy's
        // searchsorted side="left") only ever falls.
        var bin = bins - 1;
        for (var b = 0; b < scores.Length; b++)
        {
            var score = scores[b];
            while (bin > 0 && !(edges[bin - 1] < score))
            {
                bin--;
            }

            var w = positive[b] + negative[b];
            weight[bin] += w;
            probabilitySum[bin] += w * score;
            positiveSum[bin] += positive[b];
        }

        var total = table.Total;
        double error = 0;
        for (var k = 0; k < bins; k++)
        {
            if (weight[k] > 0.0)
            {
                error += weight[k] / total * Math.Abs((positiveSum[k] / weight[k]) - (probabilitySum[k] / weight[k]));
            }
        }

        return error;
    }

    /// <summary>numpy's <c>_lerp</c>: from the nearer end, so that t = 1 gives b exactly.</summary>
    private static double Lerp(double a, double b, double t)
    {
        var difference = b - a;
        return t >= 0.5 ? b - (difference * (1.0 - t)) : a + (difference * t);
    }

    private static double LowestWeighted(BinaryScoreTable table)
    {
        for (var b = table.Scores.Length - 1; b > 0; b--)
        {
            if (table.PositiveWeight[b] + table.NegativeWeight[b] > 0.0)
            {
                return table.Scores[b];
            }
        }

        return table.Scores[0];
    }

    private static double HighestWeighted(BinaryScoreTable table)
    {
        for (var b = 0; b < table.Scores.Length - 1; b++)
        {
            if (table.PositiveWeight[b] + table.NegativeWeight[b] > 0.0)
            {
                return table.Scores[b];
            }
        }

        return table.Scores[^1];
    }

    /// <summary>
    /// The score at a 0-based position of the rows sorted ascending (a block of weight w fills w
    /// positions), for positions asked in ascending order.
    /// </summary>
    private sealed class SortedPosition(BinaryScoreTable table)
    {
        private int block = table.Scores.Length - 1;
        private double below;

        public double ValueAt(double position)
        {
            var weight = table.PositiveWeight;
            var negative = table.NegativeWeight;
            while (block > 0 && below + weight[block] + negative[block] <= position)
            {
                below += weight[block] + negative[block];
                block--;
            }

            return table.Scores[block];
        }
    }
}
