namespace ModelGates.Models.Importance;

/// <summary>
/// Rank correlations of two paired samples, as SciPy computes them: Spearman's ρ (the Pearson correlation of
/// average ranks, <c>scipy.stats.spearmanr</c>) and Kendall's τ-b (ties corrected, <c>scipy.stats.kendalltau</c>).
/// NaN when a sample is constant or has fewer than two pairs, as SciPy returns.
/// </summary>
internal static class RankCorrelation
{
    /// <summary>Spearman's ρ.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        if (x.Count < 2)
        {
            return double.NaN;
        }

        var rx = AverageRanks(x);
        var ry = AverageRanks(y);
        var mx = rx.Average();
        var my = ry.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Kendall's τ-b: (concordant − discordant) / √((n0 − n1)(n0 − n2)), O(n²), which the few columns of a model afford.</summary>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0 && dy == 0)
                {
                    continue;
                }

                if (dx == 0)
                {
                    tiedX++;
                }
                else if (dy == 0)
                {
                    tiedY++;
                }
                else if (dx == dy)
                {
                    concordant++;
                }
                else
                {
                    discordant++;
                }
            }
        }

        // Pairs untied in x are concordant + discordant + tied only in y; likewise for y.
        var untiedX = (double)(concordant + discordant + tiedY);
        var untiedY = (double)(concordant + discordant + tiedX);
        return untiedX == 0 || untiedY == 0 ? double.NaN : Math.Clamp((concordant - discordant) / Math.Sqrt(untiedX * untiedY), -1, 1);
    }

    /// <summary>The 1-based ranks of the values, ties sharing the mean of their ranks (scipy.stats.rankdata's "average").</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static void Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("The samples must have the same length.", nameof(y));
        }
    }
}
