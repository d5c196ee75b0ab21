namespace ModelGates.Statistics;

/// <summary>
/// The exact distribution of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ (SciPy's
/// <c>kstwo</c>), with the method chosen per (n, x) as in Simard and L'Ecuyer (2011) and SciPy 1.10's
/// <c>_kolmogn</c>: Ruben–Gambino closed forms at the ends, twice the one-sided Smirnov tail for
/// large x, Durbin's matrix (Marsaglia–Tsang–Wang), Pomeranz's recursion, or the Pelz–Good expansion.
/// </summary>
internal static class KolmogorovDistribution
{
    /// <summary>P(Dₙ ≥ x) for n ≥ 1.</summary>
    public static double Sf(int n, double x)
    {
        if (n <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        // Outside the support (1/(2n), 1), as scipy.stats.rv_continuous.sf handles it.
        if (x <= 0.5 / n)
        {
            return 1.0;
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: P(Dₙ ≤ x) = n!/nⁿ (2t − 1)ⁿ for 1/(2n) ≤ x ≤ 1/n.
            double probability;
            if (n <= 140)
            {
                probability = 1.0;
                for (var i = 1; i <= n; i++)
                {
                    probability *= i * (1.0 / n) * ((2 * t) - 1);
                }
            }
            else
            {
                probability = Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Clip(1.0 - probability);
        }

        if (t >= n - 1)
        {
            return Clip(2 * Math.Pow(1.0 - x, n));
        }

        if (x >= 0.5)
        {
            return Clip(2 * SmirnovDistribution.Sf(n, x));
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                return Clip(1.0 - KolmogorovDurbinMatrix.Cdf(n, x));
            }

            if (nxSquared <= 4)
            {
                return Clip(1.0 - KolmogorovPomeranz.Cdf(n, x));
            }

            return Clip(2 * SmirnovDistribution.Sf(n, x));
        }

        if (nxSquared >= 370.0)
        {
            return 0.0;
        }

        if (nxSquared >= 2.2)
        {
            return Clip(2 * SmirnovDistribution.Sf(n, x));
        }

        double cdf;
        if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4)
        {
            cdf = KolmogorovDurbinMatrix.Cdf(n, x);
        }
        else
        {
            cdf = KolmogorovPelzGood.Cdf(n, x);
        }

        return Clip(1.0 - cdf);
    }

    // log(n! / nⁿ) by Stirling's series with n·log(n) removed up front (SciPy's _log_nfactorial_div_n_pow_n).
    private static double LogFactorialOverPower(int n)
    {
        var rn = 1.0 / n;
        return (Math.Log(n) / 2) - n + GammaFunctions.LogSqrtTwoPi + (rn * StirlingPolynomial(rn / n));
    }

    private static double StirlingPolynomial(double y)
    {
        ReadOnlySpan<double> coefficients =
        [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
            -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ];
        var sum = 0.0;
        foreach (var c in coefficients)
        {
            sum = (sum * y) + c;
        }

        return sum;
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
