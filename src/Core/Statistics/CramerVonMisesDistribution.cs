namespace ModelGates.Statistics;

/// <summary>The null distributions of the Cramér–von Mises statistic that SciPy 1.10's <c>cramervonmises_2samp</c> uses.</summary>
internal static class CramerVonMisesDistribution
{
    // SciPy stops adding series terms once a term falls below this; the same cut keeps the same value.
    private const double TermCutoff = 1e-7;

    /// <summary>
    /// The limiting (infinite-sample) CDF (Csörgő and Faraway 1996, eq. 1.2, SciPy's <c>_cdf_cvm_inf</c>):
    /// Σₖ Γ(k+½)/(Γ(k+1) π^1.5 √x) √(4k+1) e^(−q) K_¼(q), q = (4k+1)²/(16x).
    /// Not accurate for x &gt; 4, where the CDF is within 1e-9 of 1 (SciPy has the same limitation).
    /// </summary>
    public static double LimitCdf(double x)
    {
        var total = 0.0;
        var scale = Math.Pow(Math.PI, 1.5) * Math.Sqrt(x);

        // Γ(k+½)/Γ(k+1) by its recurrence from √π: exact to a few ulps, where log-gamma differences lose digits.
        var gammaRatio = Math.Sqrt(Math.PI);
        for (var k = 0; k < 100_000; k++)
        {
            if (k > 0)
            {
                gammaRatio *= (k - 0.5) / k;
            }

            var u = gammaRatio / scale;
            double y = (4 * k) + 1;
            var q = y * y / (16 * x);

            // e^(−q) K_¼(q) = e^(−2q) (e^q K_¼(q)).
            var term = u * Math.Sqrt(y) * Math.Exp(-2 * q) * BesselK.Scaled(0.25, q);
            total += term;
            if (!(Math.Abs(term) >= TermCutoff))
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// The exact two-sample p-value P(U ≥ u) for sample sizes m and n (Xiao, Gordon and Yakovlev 2006;
    /// Anderson 1962), by the frequency tables of the partial sums along every lattice path.
    /// </summary>
    public static double TwoSampleExactPValue(double u, int m, int n)
    {
        long lcm = LeastCommonMultiple(m, n);
        long a = lcm / m;
        long b = lcm / n;
        long mn = (long)m * n;

        // SciPy forms ζ with a float floor division; replicate its rounding.
        var numerator = (double)(lcm * lcm * (m + n)) * ((6 * u) - (mn * ((4 * mn) - 1)));
        var zeta = PythonFloorDivide(numerator, 6.0 * mn * mn);

        // tables[v] holds (value, frequency) pairs of g_{u,v}, values ascending.
        var tables = new List<(long Value, long Frequency)>[m + 1];
        tables[0] = [(0, 1)];
        for (var v = 1; v <= m; v++)
        {
            tables[v] = [];
        }

        for (var uu = 0; uu <= n; uu++)
        {
            var next = new List<(long Value, long Frequency)>[m + 1];
            List<(long Value, long Frequency)> carried = [];
            for (var v = 0; v <= m; v++)
            {
                carried = Merge(carried, tables[v]);
                var shift = ((a * v) - (b * uu)) * ((a * v) - (b * uu));
                for (var i = 0; i < carried.Count; i++)
                {
                    carried[i] = (carried[i].Value + shift, carried[i].Frequency);
                }

                next[v] = carried;
            }

            tables = next;
        }

        double atLeast = 0;
        foreach (var (value, frequency) in tables[m])
        {
            if (value >= zeta)
            {
                atLeast += frequency;
            }
        }

        return atLeast / BinomialCoefficient(m + n, m);
    }

    private static List<(long Value, long Frequency)> Merge(List<(long Value, long Frequency)> left, List<(long Value, long Frequency)> right)
    {
        var merged = new List<(long Value, long Frequency)>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            if (j == right.Count || (i < left.Count && left[i].Value < right[j].Value))
            {
                merged.Add(left[i++]);
            }
            else if (i == left.Count || right[j].Value < left[i].Value)
            {
                merged.Add(right[j++]);
            }
            else
            {
                merged.Add((left[i].Value, left[i].Frequency + right[j].Frequency));
                i++;
                j++;
            }
        }

        return merged;
    }

    // Python's float floor division (a // b), including its correction of the rounded quotient.
    internal static double PythonFloorDivide(double a, double b)
    {
        var mod = a % b;
        var div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0))
        {
            div -= 1.0;
        }

        if (div == 0)
        {
            return Math.CopySign(0.0, a / b);
        }

        var floor = Math.Floor(div);
        if (div - floor > 0.5)
        {
            floor += 1.0;
        }

        return floor;
    }

    private static double BinomialCoefficient(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return Math.Round(result);
    }

    private static int LeastCommonMultiple(int a, int b)
    {
        int x = a, y = b;
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        return a / x * b;
    }
}
