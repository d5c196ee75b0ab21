namespace ModelGates.Statistics;

/// <summary>
/// The exact null distribution of the Mann–Whitney U statistic without ties. The number of
/// arrangements giving U = k is the coefficient of q^k in the Gaussian binomial [m+n choose m]_q =
/// Π_{i=1..s} (1 − q^(L+i)) / (1 − q^i), s = min(m,n), L = max(m,n). Every partial product is itself a
/// Gaussian binomial, so multiplying by (1 − q^(L+i)) and dividing by (1 − q^i) (a strided running
/// sum) keeps non-negative integer coefficients: O(s·k) work instead of the O(m·n·k) recursion.
/// </summary>
internal static class MannWhitneyExactDistribution
{
    /// <summary>P(U ≤ k) for sample sizes m and n.</summary>
    public static double Cdf(long k, int m, int n)
    {
        if (k < 0)
        {
            return 0.0;
        }

        var total = BinomialCoefficient(m + n, Math.Min(m, n));
        if (k >= (long)m * n)
        {
            return 1.0;
        }

        var small = Math.Min(m, n);
        long large = Math.Max(m, n);
        var counts = new double[k + 1];
        counts[0] = 1.0;
        for (var i = 1; i <= small; i++)
        {
            var upper = large + i;
            for (var index = k; index >= upper; index--)
            {
                counts[index] -= counts[index - upper];
            }

            for (long index = i; index <= k; index++)
            {
                counts[index] += counts[index - i];
            }
        }

        var sum = 0.0;
        for (long index = 0; index <= k; index++)
        {
            sum += counts[index] / total;
        }

        return Math.Min(sum, 1.0);
    }

    private static double BinomialCoefficient(int n, int k)
    {
        // exp(log) keeps large n finite; the exact product is used while it stays exact.
        if (n <= 60)
        {
            var result = 1.0;
            for (var i = 1; i <= k; i++)
            {
                result = result * (n - k + i) / i;
            }

            return Math.Round(result);
        }

        return Math.Exp(GammaFunctions.LogGamma(n + 1.0) - GammaFunctions.LogGamma(k + 1.0) - GammaFunctions.LogGamma(n - k + 1.0));
    }
}
