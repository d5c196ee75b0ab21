namespace ModelGates.Statistics;

/// <summary>The regularized incomplete beta function I_x(a, b).</summary>
internal static class IncompleteBeta
{
    private const double Tiny = 1e-300;

    /// <summary>I_x(a, b) for a, b &gt; 0 and 0 ≤ x ≤ 1.</summary>
    public static double Regularized(double x, double a, double b) => Regularized(x, 1.0 - x, a, b);

    /// <summary>
    /// I_x(a, b) with y = 1 − x given separately: when x is within rounding of 1, y carries the
    /// digits that 1 − x would lose (the Student t tail needs this).
    /// </summary>
    public static double Regularized(double x, double y, double a, double b)
    {
        if (!(a > 0 && b > 0 && x >= 0 && y >= 0) || double.IsInfinity(a) || double.IsInfinity(b))
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return 0.0;
        }

        if (y == 0)
        {
            return 1.0;
        }

        // The continued fraction converges fast only on the side of the mean; use the symmetry otherwise.
        if (x < (a + 1.0) / (a + b + 2.0))
        {
            return Math.Min(1.0, Front(x, y, a, b) * ContinuedFraction(x, a, b) / a);
        }

        return Math.Max(0.0, 1.0 - (Front(y, x, b, a) * ContinuedFraction(y, b, a) / b));
    }

    // x^a y^b / B(a, b), with the logarithms of x and y taken from whichever is more accurate.
    private static double Front(double x, double y, double a, double b)
    {
        var logX = x > 0.5 ? AccurateMath.Log1P(-y) : Math.Log(x);
        var logY = y > 0.5 ? AccurateMath.Log1P(-x) : Math.Log(y);
        return Math.Exp((a * logX) + (b * logY) - GammaFunctions.LogBeta(a, b));
    }

    // The continued fraction of I_x(a, b) (Abramowitz and Stegun 26.5.8), modified Lentz evaluation.
    private static double ContinuedFraction(double x, double a, double b)
    {
        var qab = a + b;
        var qap = a + 1.0;
        var qam = a - 1.0;
        var c = 1.0;
        var d = 1.0 - (qab * x / qap);
        if (Math.Abs(d) < Tiny)
        {
            d = Tiny;
        }

        d = 1.0 / d;
        var h = d;
        var limit = 10_000 + (int)Math.Min(1e8, 50 * Math.Sqrt(Math.Max(a, b)));
        for (var m = 1; m <= limit; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + (aa * d);
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = 1.0 + (aa / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + (aa * d);
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = 1.0 + (aa / c);
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

        return h;
    }
}
