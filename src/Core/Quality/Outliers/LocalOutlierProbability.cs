using ModelGates.Statistics;

namespace ModelGates.Quality.Outliers;

/// <summary>
/// Local Outlier Probability (Kriegel, Kröger, Schubert and Zimek, CIKM 2009), the score Deepchecks' outlier check uses:
/// a row's probabilistic distance to its k nearest neighbours against theirs, turned into a probability in [0, 1] by
/// the error function. Every pair of rows is compared once per row (O(n²) time, O(n·k) memory).
/// </summary>
internal static class LocalOutlierProbability
{
    /// <summary>
    /// The outlier probability of every row, its probabilistic local outlier factor (which orders rows whose probability
    /// rounds to 1), and each row's neighbours (nearest first).
    /// </summary>
    public static (double[] Probabilities, double[] Factors, int[][] Neighbors) Score(GowerDistance distance, int k, double extent)
    {
        var n = distance.Rows;
        var neighbors = new int[n][];
        var distances = new double[n][];
        for (var i = 0; i < n; i++)
        {
            (neighbors[i], distances[i]) = Nearest(distance, i, k);
        }

        // Probabilistic set distance: λ times the quadratic mean distance to the neighbours.
        var pdist = new double[n];
        for (var i = 0; i < n; i++)
        {
            var squares = 0.0;
            foreach (var d in distances[i])
            {
                squares += d * d;
            }

            pdist[i] = extent * Math.Sqrt(squares / distances[i].Length);
        }

        // Probabilistic local outlier factor: against the neighbours' expected pdist (0 when they all sit on one point).
        var plof = new double[n];
        var sumSquares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var expected = 0.0;
            foreach (var j in neighbors[i])
            {
                expected += pdist[j];
            }

            expected /= neighbors[i].Length;
            plof[i] = expected > 0 ? (pdist[i] / expected) - 1.0 : 0.0;
            sumSquares += plof[i] * plof[i];
        }

        var normaliser = extent * Math.Sqrt(sumSquares / n);
        var probabilities = new double[n];
        for (var i = 0; i < n; i++)
        {
            // erf(plof / (nplof·√2)) = 2Φ(plof / nplof) - 1, floored at 0.
            probabilities[i] = normaliser > 0 ? Math.Max(0.0, (2.0 * NormalDistribution.Cdf(plof[i] / normaliser)) - 1.0) : 0.0;
        }

        return (probabilities, plof, neighbors);
    }

    // The k nearest other rows, nearest first; ties go to the lower row so the result does not depend on scan order.
    private static (int[] Rows, double[] Distances) Nearest(GowerDistance distance, int row, int k)
    {
        var count = Math.Min(k, distance.Rows - 1);
        var rows = new int[count];
        var best = new double[count];
        var filled = 0;
        for (var j = 0; j < distance.Rows; j++)
        {
            if (j == row)
            {
                continue;
            }

            var d = distance.Between(row, j);
            if (filled == count && d >= best[count - 1])
            {
                continue;
            }

            // Insertion into the sorted list of the nearest so far; equal distances keep the earlier row first.
            var at = filled < count ? filled++ : count - 1;
            while (at > 0 && best[at - 1] > d)
            {
                best[at] = best[at - 1];
                rows[at] = rows[at - 1];
                at--;
            }

            best[at] = d;
            rows[at] = j;
        }

        return (rows, best);
    }
}
