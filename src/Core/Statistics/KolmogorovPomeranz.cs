namespace ModelGates.Statistics;

/// <summary>
/// P(Dₙ ≤ x) by Pomeranz's recursion (1974) as SciPy 1.10 implements it: 2n+1 rows, each the
/// convolution of a window of the previous row with (almost) Poisson weights, rescaled against underflow.
/// </summary>
internal static class KolmogorovPomeranz
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    /// <summary>P(Dₙ ≤ x).</summary>
    public static double Cdf(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = t - ll;
        var g = Math.Min(f, 1.0 - f);
        var ceilF = f > 0 ? 1 : 0;
        var roundF = f > 0.5 ? 1 : 0;
        var powers = 2 * (ll + 1);
        var gPower = new double[powers];
        var twoGPower = new double[powers];
        var oneMinusTwoGPower = new double[powers];
        gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (var m = 1; m < powers; m++)
        {
            gPower[m] = gPower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[powers];
        var v1 = new double[powers];
        var convolution = new double[2 * powers];
        v1[0] = 1;
        int v0Start = 0, v1Start = 0;
        var exponent = 0;
        var (j1, _) = Window(0, n, ll, ceilF, roundF);
        for (var i = 1; i < (2 * n) + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0Start, v1Start) = (v1Start, v0Start);
            Array.Clear(v1);
            (j1, var j2) = Window(i, n, ll, ceilF, roundF);
            var weights = i == 1 || i == (2 * n) + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower);
            var length = j2 - k1 + 1;
            if (length <= 0)
            {
                continue;
            }

            var offset = k1 - v0Start;
            if (offset < 0)
            {
                throw new InvalidOperationException("Pomeranz recursion left its window.");
            }

            var aLength = Math.Min(length, powers - offset);
            var bLength = Math.Min(length, powers);
            var convolutionLength = aLength + bLength - 1;
            Array.Clear(convolution, 0, convolutionLength);
            for (var a = 0; a < aLength; a++)
            {
                var value = v0[offset + a];
                if (value == 0)
                {
                    continue;
                }

                for (var b = 0; b < bLength; b++)
                {
                    convolution[a + b] += value * weights[b];
                }
            }

            var start = j1 - k1;
            var count = Math.Min(j2 - j1 + 1, Math.Min(powers, convolutionLength - start));
            var max = 0.0;
            for (var c = 0; c < count; c++)
            {
                v1[c] = convolution[start + c];
                max = Math.Max(max, v1[c]);
            }

            if (max > 0 && max < Small)
            {
                for (var c = 0; c < powers; c++)
                {
                    v1[c] *= Big;
                }

                exponent -= ScaleExponent;
            }

            v1Start = v0Start + j1 - k1;
        }

        var answer = v1[n - v1Start];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > Big)
            {
                answer *= Small;
                exponent += ScaleExponent;
            }

            answer *= m;
        }

        if (exponent != 0)
        {
            answer = Math.ScaleB(answer, exponent);
        }

        return Math.Clamp(answer, 0.0, 1.0);
    }

    // The columns of row i that can be non-zero.
    private static (int J1, int J2) Window(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilF - 1;
            j2 = ll + ceilF - 1;
        }
        else
        {
            var half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                if (half == n + 1)
                {
                    j1 = n - ll - ceilF - 1;
                    j2 = n + ll + ceilF - 1;
                }
                else
                {
                    j1 = half - 1 - ll - roundF - 1;
                    j2 = half + ll - 1 + ceilF - 1;
                }
            }
            else
            {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundF - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
