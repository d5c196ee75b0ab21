namespace ModelGates.Statistics;

/// <summary>The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x).</summary>
internal static class IncompleteGamma
{
    private const double Tiny = 1e-300;

    /// <summary>P(a, x) = γ(a, x) / Γ(a) for a &gt; 0, x ≥ 0.</summary>
    public static double Lower(double a, double x)
    {
        if (!IsValid(a, x))
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return 0.0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1.0;
        }

        return x < a + 1 ? LowerSeries(a, x) : 1.0 - UpperContinuedFraction(a, x);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a) for a &gt; 0, x ≥ 0, accurate in the far upper tail.</summary>
    public static double Upper(double a, double x)
    {
        if (!IsValid(a, x))
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        // Below a + 1, Q ≥ ~0.08 and 1 − P loses no significant digits.
        return x < a + 1 ? 1.0 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    private static bool IsValid(double a, double x) => a > 0 && x >= 0 && !double.IsNaN(x) && !double.IsInfinity(a);

    // x^a e^(−x) / Γ(a), through Loader's Poisson form so that large a keeps its digits.
    private static double Prefactor(double a, double x) => a * LoaderDensities.Poisson(a, x);

    private static double LowerSeries(double a, double x)
    {
        var term = 1.0 / a;
        var sum = term;
        var ap = a;
        var limit = MaxIterations(a);
        for (var i = 0; i < limit; i++)
        {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * 1e-17)
            {
                break;
            }
        }

        return Math.Min(1.0, sum * Prefactor(a, x));
    }

    // Legendre's continued fraction, evaluated by the modified Lentz method.
    private static double UpperContinuedFraction(double a, double x)
    {
        var b = x + 1.0 - a;
        var c = 1.0 / Tiny;
        var d = 1.0 / b;
        var h = d;
        var limit = MaxIterations(a);
        for (var i = 1; i <= limit; i++)
        {
            var an = -i * (i - a);
            b += 2.0;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return Math.Min(1.0, Prefactor(a, x) * h);
    }

    // Both expansions need O(√a) terms near x ≈ a.
    private static int MaxIterations(double a) => 10_000 + (int)Math.Min(1e8, 50 * Math.Sqrt(a));
}
