namespace ModelGates.Statistics;

/// <summary>
/// The null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic, chosen as SciPy
/// 1.10's <c>ks_2samp(method='auto')</c> chooses: exact lattice-path counting when both samples have at
/// most 10,000 observations, otherwise Smirnov's asymptotic form kstwo(D, round(mn/(m+n))).
/// </summary>
internal static class TwoSampleKolmogorovSmirnov
{
    /// <summary>SciPy's <c>MAX_AUTO_N</c>: the largest sample size for which 'auto' tries the exact method.</summary>
    public const int MaxExactSampleSize = 10_000;

    /// <summary>
    /// The p-value of statistic <paramref name="d"/> for sample sizes n1, n2; on the exact path the
    /// statistic is snapped to its lattice value h / lcm(n1, n2), as SciPy returns it.
    /// </summary>
    public static (double Statistic, double PValue, bool Exact) PValue(double d, long n1, long n2)
    {
        if (Math.Max(n1, n2) <= MaxExactSampleSize)
        {
            var (success, snapped, probability) = TryExact(n1, n2, d);
            if (success)
            {
                return (snapped, Math.Clamp(probability, 0.0, 1.0), true);
            }

            d = snapped;
        }

        double m = Math.Max(n1, n2);
        double n = Math.Min(n1, n2);
        var effective = m * n / (m + n);
        var p = KolmogorovDistribution.Sf((int)Math.Round(effective, MidpointRounding.ToEven), d);
        return (d, Math.Clamp(p, 0.0, 1.0), false);
    }

    private static (bool Success, double Statistic, double Probability) TryExact(long n1, long n2, double d)
    {
        var g = GreatestCommonDivisor(n1, n2);
        var lcm = n1 / g * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        var snapped = h * 1.0 / lcm;
        if (h == 0)
        {
            return (true, snapped, 1.0);
        }

        var probability = n1 == n2 ? OutsideSquare(n1, h) : OuterProbabilityInside(n1, n2, g, h);
        var success = probability >= 0 && probability <= 1;
        return (success, snapped, probability);
    }

    /// <summary>P(D_{n,n} ≥ h/n): the alternating reflection sum, factored Horner-style to avoid cancellation.</summary>
    internal static double OutsideSquare(long n, long h)
    {
        var p = 0.0;
        var k = n / h;
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k--;
        }

        return 2 * p;
    }

    /// <summary>
    /// The share of lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| &lt; h/lcm(m,n):
    /// Hodges' inside method, recursing on 1 − p directly (Viehmann, arXiv:2102.08037) over a sliding
    /// window of one column.
    /// </summary>
    internal static double OuterProbabilityInside(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / g;
        var ng = n / g;
        long minJ = 0;
        var maxJ = Math.Min(CeilingDivide(h, mg), n + 1);
        var currentLength = maxJ - minJ;
        var a = new double[Math.Min((2 * maxJ) + 2, n + 1)];
        Array.Fill(a, 1.0);
        Array.Fill(a, 0.0, 0, (int)Math.Min(maxJ, a.Length));
        for (long i = 1; i <= m; i++)
        {
            var lastMinJ = minJ;
            var lastLength = currentLength;
            minJ = Math.Min(Math.Max(FloorDivide((ng * i) - h, mg) + 1, 0), n);
            maxJ = Math.Min(CeilingDivide((ng * i) + h, mg), n + 1);
            if (maxJ <= minJ)
            {
                return 1.0;
            }

            var value = minJ == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxJ - minJ; jj++)
            {
                var j = jj + minJ;
                value = ((a[jj + minJ - lastMinJ] * i) + (value * j)) / (i + j);
                a[jj] = value;
            }

            currentLength = maxJ - minJ;
            if (lastLength > currentLength)
            {
                var from = maxJ - minJ;
                var to = Math.Min(from + (lastLength - currentLength), a.Length);
                for (var index = from; index < to; index++)
                {
                    a[index] = 1.0;
                }
            }
        }

        return a[maxJ - minJ - 1];
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static long FloorDivide(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilingDivide(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
