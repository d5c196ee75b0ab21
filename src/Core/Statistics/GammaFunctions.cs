namespace ModelGates.Statistics;

/// <summary>The logarithm of the gamma and beta functions, and Stirling's error term.</summary>
internal static class GammaFunctions
{
    /// <summary>log(sqrt(2 pi)).</summary>
    internal const double LogSqrtTwoPi = 0.91893853320467274178032973640561764;

    // Below this the Stirling series is not yet accurate to double precision; shift the argument up.
    private const double StirlingThreshold = 15.0;

    /// <summary>log Γ(x) for x &gt; 0; NaN for x ≤ 0 or NaN.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        if (x >= StirlingThreshold)
        {
            return ((x - 0.5) * Math.Log(x)) - x + LogSqrtTwoPi + StirlingSeries(x);
        }

        if (x < 0.5)
        {
            return LogGamma(x + 1.0) - Math.Log(x);
        }

        if (x < 1.5)
        {
            // log x through log1p keeps the digits of log Γ near its root at 1.
            return LogGammaNearTwo(x - 1.0) - AccurateMath.Log1P(x - 1.0);
        }

        // Γ(x) = (x−1)(x−2)...(y) Γ(y) with y in [1.5, 2.5): every factor exceeds 1.5, the product stays accurate.
        var product = 1.0;
        var reduced = x;
        while (reduced >= 2.5)
        {
            reduced -= 1.0;
            product *= reduced;
        }

        return LogGammaNearTwo(reduced - 2.0) + Math.Log(product);
    }

    /// <summary>log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for a, b &gt; 0, without the cancellation of that form when one argument is large.</summary>
    public static double LogBeta(double a, double b)
    {
        var small = Math.Min(a, b);
        var large = Math.Max(a, b);
        if (!(small > 0))
        {
            return double.NaN;
        }

        if (large < 10.0)
        {
            return LogGamma(a) + LogGamma(b) - LogGamma(a + b);
        }

        // log Γ(L) − log Γ(L+s) written with Stirling's error terms: every piece is of the size of the result.
        var ratio = (-(large - 0.5) * AccurateMath.Log1P(small / large))
            - (small * Math.Log(large + small))
            + small
            + StirlingError(large)
            - StirlingError(large + small);
        return LogGamma(small) + ratio;
    }

    // log Γ(2 + z) = (1 − γ) z + Σ_{k≥2} (−1)^k (ζ(k) − 1) z^k / k for |z| ≤ ½: the terms fall like 4^−k,
    // and the value is relatively accurate near the root at z = 0.
    private static double LogGammaNearTwo(double z)
    {
        var coefficients = ZetaMinusOne.Value;
        var sum = 0.0;
        for (var k = coefficients.Length - 1; k >= 2; k--)
        {
            var term = coefficients[k] / k;
            sum = (sum * z) + (k % 2 == 0 ? term : -term);
        }

        return ((sum * z) + (1.0 - EulerGamma)) * z;
    }

    private const double EulerGamma = 0.57721566490153286060651209008240243;

    // ζ(k) − 1 for k = 2..40 by Euler–Maclaurin summation with N = 16 (error below 1e-18).
    private static readonly Lazy<double[]> ZetaMinusOne = new(() =>
    {
        const int N = 16;
        const int Terms = 40;
        ReadOnlySpan<double> bernoulliOverFactorial =
        [
            1.0 / 6 / 2, -1.0 / 30 / 24, 1.0 / 42 / 720, -1.0 / 30 / 40320, 5.0 / 66 / 3628800, -691.0 / 2730 / 479001600,
        ];
        var values = new double[Terms + 1];
        for (var k = 2; k <= Terms; k++)
        {
            var sum = 0.0;
            for (var n = N - 1; n >= 2; n--)
            {
                sum += Math.Pow(n, -k);
            }

            var tail = (Math.Pow(N, 1 - k) / (k - 1)) + (Math.Pow(N, -k) / 2);
            var rising = (double)k;
            for (var j = 1; j <= bernoulliOverFactorial.Length; j++)
            {
                tail += bernoulliOverFactorial[j - 1] * rising * Math.Pow(N, -k - (2 * j) + 1);
                rising *= (k + (2 * j) - 1) * (double)(k + (2 * j));
            }

            values[k] = sum + tail;
        }

        return values;
    });

    /// <summary>
    /// Stirling's error δ(n) = log Γ(n+1) − [(n + ½) log n − n + log √(2π)] for n ≥ 0 (δ(0) = 0):
    /// the small remainder that makes Loader's binomial and Poisson densities accurate.
    /// </summary>
    internal static double StirlingError(double n)
    {
        if (n <= 0)
        {
            return 0.0;
        }

        if (n >= StirlingThreshold)
        {
            return StirlingSeries(n);
        }

        return LogGamma(n + 1.0) - ((n + 0.5) * Math.Log(n)) + n - LogSqrtTwoPi;
    }

    // Σ B_2k / (2k (2k−1) x^(2k−1)) for k = 1..8: below 1e-19 relative for x ≥ 15.
    private static double StirlingSeries(double x)
    {
        var inverse = 1.0 / x;
        var inverseSquared = inverse * inverse;
        var sum = -3617.0 / 122400.0;
        sum = (sum * inverseSquared) + (1.0 / 156.0);
        sum = (sum * inverseSquared) - (691.0 / 360360.0);
        sum = (sum * inverseSquared) + (1.0 / 1188.0);
        sum = (sum * inverseSquared) - (1.0 / 1680.0);
        sum = (sum * inverseSquared) + (1.0 / 1260.0);
        sum = (sum * inverseSquared) - (1.0 / 360.0);
        sum = (sum * inverseSquared) + (1.0 / 12.0);
        return sum * inverse;
    }
}
