using System.Runtime.CompilerServices;

namespace ModelGates.Statistics;

/// <summary>
/// The exact distribution of the one-sided Kolmogorov–Smirnov statistic D⁺ₙ, P(D⁺ₙ ≥ x), by the
/// Smirnov/Birnbaum–Tingey sum, with the case split of SciPy's <c>smirnov</c> (van Mulbregt, 2018).
/// Each term C(n,v) (x+v/n)^(v−1) (1−x−v/n)^(n−v) is a binomial density over (x + v/n), evaluated
/// with Loader's saddle-point form instead of SciPy's double-double arithmetic.
/// </summary>
internal static class SmirnovDistribution
{
    private const int MaxExactN = 1_000_000;

    // Cephes MINLOG: exp() of anything below underflows.
    private const double MinLog = -7.08396418532264106224e2;

    /// <summary>P(D⁺ₙ ≥ x) for n ≥ 1 and 0 ≤ x ≤ 1.</summary>
    public static double Sf(int n, double x)
    {
        if (!(n > 0 && x >= 0.0 && x <= 1.0))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1.0 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        // n·x split exactly into integer part and remainder (the product's rounding error comes from an FMA).
        var product = n * x;
        var productError = Math.FusedMultiplyAdd(n, x, -product);
        var nxFloor = Math.Floor(product);
        var alpha = product - nxFloor + productError;
        if (alpha < 0)
        {
            nxFloor -= 1;
            alpha += 1;
        }

        if (alpha >= 1)
        {
            nxFloor += 1;
            alpha -= 1;
        }

        var nxfl = (long)nxFloor;
        var lastLower = n - nxfl - (alpha == 0 ? 0 : 1);
        var firstUpper = n - nxfl;
        if (alpha == 0)
        {
            lastLower -= 1;
            firstUpper += 1;
        }

        if (nxfl == 0 || (nxfl == 1 && alpha == 0))
        {
            // x ≤ 1/n: P(D⁺ ≤ x) = x (1 + x)^(n−1).
            return Clip(1.0 - (x * Math.Exp((n - 1) * AccurateMath.Log1P(x))));
        }

        if (-2.0 * n * x * x < MinLog)
        {
            return 0.0;
        }

        if (nxfl >= n - 1)
        {
            return Math.Exp(n * AccurateMath.Log1P(-x));
        }

        if (n > MaxExactN)
        {
            // SciPy's approximation for very large n: e^(−(6nx+1)² / 18n).
            var z = (6.0 * n * x) + 1.0;
            return Math.Exp(-z * z / 18.0 / n);
        }

        var upperTerms = n - firstUpper + 1;
        var useUpper = (upperTerms <= 1 && x < 0.5) || (n >= 10 && upperTerms <= 3 && x <= 0.5 / Math.Sqrt(n));
        if (useUpper)
        {
            // Few terms of the alternating upper sum give P(D⁺ < x) directly (x is tiny here).
            var cdf = 0.0;
            for (long v = n; v > n - upperTerms; v--)
            {
                cdf += UpperTerm(n, nxFloor, alpha, v);
            }

            cdf *= x;
            return Clip(1.0 - cdf);
        }

        return Clip(x * SumLowerTerms(n, nxFloor, alpha, lastLower + 1));
    }

    // Σ A_v for v = 0 .. count−1 (all positive). log A_v steps from v to v+1 by a closed form (three logarithms) and
    // is re-anchored on Loader's density every AnchorSpacing terms, which bounds the drift of the recurrence. The
    // anchors come first: a block whose two ends both lie more than e^60 below the largest anchor is skipped, as its
    // terms cannot reach the sum's last bit even over 10⁶ terms (log A_v is smooth: within a block it departs from
    // the line between its ends by far less than the margin). For large n most of the 10⁵ terms are such, and
    // summing them was a twentieth of a million-row drift run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumLowerTerms(int n, double nxFloor, double alpha, long count)
    {
        const int AnchorSpacing = 128;
        const double NegligibleLog = 60.0;
        var blocks = (int)((count + AnchorSpacing - 1) / AnchorSpacing);
        var anchors = new double[blocks + 1];
        var largest = double.NegativeInfinity;
        for (var k = 0; k <= blocks; k++)
        {
            anchors[k] = LogTerm(n, nxFloor, alpha, Math.Min((long)k * AnchorSpacing, count - 1));
            largest = Math.Max(largest, anchors[k]);
        }

        var sum = 0.0;
        for (var k = 0; k < blocks; k++)
        {
            if (Math.Max(anchors[k], anchors[k + 1]) < largest - NegligibleLog)
            {
                continue;
            }

            var first = (long)k * AnchorSpacing;
            var end = Math.Min(first + AnchorSpacing, count);
            var logTerm = anchors[k];
            sum += Math.Exp(logTerm);
            for (var v = first + 1; v < end; v++)
            {
                logTerm += LogTermStep(n, nxFloor, alpha, v - 1);
                sum += Math.Exp(logTerm);
            }
        }

        return sum;
    }

    // log A_v, A_v = C(n,v) a^(v−1) b^(n−v) with a = x + v/n, b = 1 − a = (n − v − n·x)/n formed from the exact
    // split of n·x: a binomial density over a, divided by a.
    private static double LogTerm(int n, double nxFloor, double alpha, long v)
    {
        var a = (nxFloor + v + alpha) / n;
        var b = (n - v - nxFloor - alpha) / n;
        return LoaderDensities.LogBinomial(v, n, a, b) - Math.Log(a);
    }

    // log A_{v+1} − log A_v = log((n−v) a_{v+1} / ((v+1) b_v)) + (v−1) log(a_{v+1}/a_v) + (n−v−1) log(b_{v+1}/b_v).
    private static double LogTermStep(int n, double nxFloor, double alpha, long v)
    {
        var aNumerator = nxFloor + alpha + v;
        var bNumerator = n - v - nxFloor - alpha;
        return Math.Log((n - v) * (aNumerator + 1) / ((v + 1.0) * bNumerator))
            + ((v - 1) * AccurateMath.Log1P(1.0 / aNumerator))
            + ((n - v - 1) * AccurateMath.Log1P(-1.0 / bNumerator));
    }

    // A_v of the upper sum (v > n(1−x)), where 1 − x − v/n is negative and the powers alternate in sign.
    private static double UpperTerm(int n, double nxFloor, double alpha, long v)
    {
        var k = n - v;
        var binomial = 1.0;
        for (long i = 0; i < k; i++)
        {
            binomial = binomial * (n - i) / (i + 1);
        }

        var a = (nxFloor + v + alpha) / n;
        var negativeB = (nxFloor + alpha + v - n) / n;
        var magnitude = binomial * Math.Exp((v - 1) * Math.Log(a)) * Math.Pow(negativeB, k);
        return k % 2 == 0 ? magnitude : -magnitude;
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
