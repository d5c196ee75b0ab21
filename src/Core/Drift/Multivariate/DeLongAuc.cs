namespace ModelGates.Drift.Multivariate;

/// <summary>
/// The ROC AUC of scores for two groups (the Mann–Whitney statistic over n₁·n₀, ties counted one half) and its
/// standard error by DeLong, DeLong and Clarke-Pearson (1988), from the placement values computed with midranks
/// (Sun and Xu's fast form). The interval is AUC ± z·SE, clipped to [0, 1]; eng/oracles/multivariate_oracles.py
/// checks both numbers against scikit-learn's roc_auc_score and an independent numpy DeLong.
/// </summary>
internal static class DeLongAuc
{
    /// <summary>The AUC of <paramref name="scores"/> for label true (positives score higher) and its DeLong standard error.</summary>
    public static (double Auc, double StandardError) Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var pos = new List<double>();
        var neg = new List<double>();
        for (var i = 0; i < scores.Count; i++)
        {
            (positive[i] ? pos : neg).Add(scores[i]);
        }

        if (pos.Count == 0 || neg.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var all = MidRanks([.. pos, .. neg]);
        var posRanks = MidRanks([.. pos]);
        var negRanks = MidRanks([.. neg]);
        double n1 = pos.Count, n0 = neg.Count;

        // Placement values: the share of the other group each score beats (ties one half).
        var v10 = new double[pos.Count];
        for (var i = 0; i < pos.Count; i++)
        {
            v10[i] = (all[i] - posRanks[i]) / n0;
        }

        var v01 = new double[neg.Count];
        for (var j = 0; j < neg.Count; j++)
        {
            v01[j] = 1 - ((all[pos.Count + j] - negRanks[j]) / n1);
        }

        var auc = v10.Sum() / n1;
        var variance = (SampleVariance(v10) / n1) + (SampleVariance(v01) / n0);
        return (auc, Math.Sqrt(Math.Max(0, variance)));
    }

    /// <summary>The two-sided interval at <paramref name="level"/>: AUC ± z·SE, clipped to [0, 1].</summary>
    public static (double Lower, double Upper) Interval(double auc, double standardError, double level)
    {
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + (level / 2));
        return (Math.Max(0, auc - (z * standardError)), Math.Min(1, auc + (z * standardError)));
    }

    /// <summary>1-based ranks, ties given their mean rank.</summary>
    internal static double[] MidRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[values.Length];
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static double SampleVariance(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
