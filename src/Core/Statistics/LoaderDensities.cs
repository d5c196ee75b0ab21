namespace ModelGates.Statistics;

/// <summary>
/// Catherine Loader's saddle-point forms of the binomial and Poisson densities ("Fast and Accurate
/// Computation of Binomial Probabilities", 2000): relative error near machine precision even when
/// the counts are in the millions, where log-gamma differences lose half the digits.
/// </summary>
internal static class LoaderDensities
{
    private const double LogTwoPi = 1.8378770664093454835606594728112;

    /// <summary>The deviance term x log(x / m) + m − x, computed by a series when x is near m.</summary>
    public static double Deviance(double x, double m)
    {
        if (Math.Abs(x - m) < 0.1 * (x + m))
        {
            var v = (x - m) / (x + m);
            var s = (x - m) * v;
            var ej = 2 * x * v;
            var vSquared = v * v;
            for (var j = 1; j < 1000; j++)
            {
                ej *= vSquared;
                var next = s + (ej / ((2 * j) + 1));
                if (next == s)
                {
                    return next;
                }

                s = next;
            }

            return s;
        }

        return (x * Math.Log(x / m)) + m - x;
    }

    /// <summary>The binomial probability C(n, x) p^x q^(n−x), with q = 1 − p given separately to keep its digits.</summary>
    public static double Binomial(double x, double n, double p, double q) => Math.Exp(LogBinomial(x, n, p, q));

    /// <summary>The logarithm of <see cref="Binomial"/>: finite even where the probability underflows.</summary>
    public static double LogBinomial(double x, double n, double p, double q)
    {
        if (p == 0)
        {
            return x == 0 ? 0.0 : double.NegativeInfinity;
        }

        if (q == 0)
        {
            return x == n ? 0.0 : double.NegativeInfinity;
        }

        if (x == 0)
        {
            if (n == 0)
            {
                return 0.0;
            }

            return p < 0.1 ? -Deviance(n, n * q) - (n * p) : n * Math.Log(q);
        }

        if (x == n)
        {
            return q < 0.1 ? -Deviance(n, n * p) - (n * q) : n * Math.Log(p);
        }

        if (x < 0 || x > n)
        {
            return double.NegativeInfinity;
        }

        var logCore = GammaFunctions.StirlingError(n) - GammaFunctions.StirlingError(x) - GammaFunctions.StirlingError(n - x)
            - Deviance(x, n * p) - Deviance(n - x, n * q);
        var logScale = LogTwoPi + Math.Log(x) + AccurateMath.Log1P(-x / n);
        return logCore - (0.5 * logScale);
    }

    /// <summary>The Poisson density λ^x e^(−λ) / Γ(x + 1) for real x ≥ 0.</summary>
    public static double Poisson(double x, double lambda)
    {
        if (lambda == 0)
        {
            return x == 0 ? 1.0 : 0.0;
        }

        if (x == 0)
        {
            return Math.Exp(-lambda);
        }

        return Math.Exp(-GammaFunctions.StirlingError(x) - Deviance(x, lambda)) / Math.Sqrt(2 * Math.PI * x);
    }
}
