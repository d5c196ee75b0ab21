namespace ModelGates.Statistics;

/// <summary>
/// The significance level of the standardized k-sample Anderson–Darling statistic as SciPy 1.10's
/// <c>anderson_ksamp</c> gives it: a quadratic least-squares fit of log(significance) against Scholz
/// and Stephens' (1987, Table 2) critical values, evaluated at the statistic, and capped to
/// [0.001, 0.25] outside the table's range.
/// </summary>
internal static class AndersonDarlingTable
{
    /// <summary>The largest significance level the table gives; statistics below the table report this.</summary>
    public const double Cap = 0.25;

    /// <summary>The smallest significance level the table gives; statistics above the table report this.</summary>
    public const double Floor = 0.001;

    private static readonly double[] Significance = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
    private static readonly double[] B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
    private static readonly double[] B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
    private static readonly double[] B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

    /// <summary>The significance level for the standardized statistic with k samples.</summary>
    public static double SignificanceLevel(double standardizedStatistic, int samples)
    {
        var critical = CriticalValues(samples);
        if (standardizedStatistic < critical[0])
        {
            return Cap;
        }

        if (standardizedStatistic > critical[^1])
        {
            return Floor;
        }

        var logSignificance = new double[Significance.Length];
        for (var i = 0; i < Significance.Length; i++)
        {
            logSignificance[i] = Math.Log(Significance[i]);
        }

        var (c2, c1, c0) = FitQuadratic(critical, logSignificance);
        return Math.Exp((((c2 * standardizedStatistic) + c1) * standardizedStatistic) + c0);
    }

    /// <summary>Critical values b0 + b1/√m + b2/m for m = k − 1, ascending.</summary>
    internal static double[] CriticalValues(int samples)
    {
        double m = samples - 1;
        var critical = new double[B0.Length];
        for (var i = 0; i < B0.Length; i++)
        {
            critical[i] = B0[i] + (B1[i] / Math.Sqrt(m)) + (B2[i] / m);
        }

        return critical;
    }

    // Least squares y ≈ c2 x² + c1 x + c0 by Householder QR of the column-scaled Vandermonde matrix (as np.polyfit scales it).
    private static (double C2, double C1, double C0) FitQuadratic(double[] x, double[] y)
    {
        var rows = x.Length;
        const int Columns = 3;
        var a = new double[rows, Columns];
        var scale = new double[Columns];
        for (var i = 0; i < rows; i++)
        {
            a[i, 0] = x[i] * x[i];
            a[i, 1] = x[i];
            a[i, 2] = 1.0;
        }

        for (var j = 0; j < Columns; j++)
        {
            var norm = 0.0;
            for (var i = 0; i < rows; i++)
            {
                norm += a[i, j] * a[i, j];
            }

            scale[j] = Math.Sqrt(norm);
            for (var i = 0; i < rows; i++)
            {
                a[i, j] /= scale[j];
            }
        }

        var b = (double[])y.Clone();
        for (var j = 0; j < Columns; j++)
        {
            var norm = 0.0;
            for (var i = j; i < rows; i++)
            {
                norm += a[i, j] * a[i, j];
            }

            norm = Math.Sqrt(norm);
            var alpha = a[j, j] > 0 ? -norm : norm;
            var v = new double[rows];
            v[j] = a[j, j] - alpha;
            for (var i = j + 1; i < rows; i++)
            {
                v[i] = a[i, j];
            }

            var vNorm = 0.0;
            for (var i = j; i < rows; i++)
            {
                vNorm += v[i] * v[i];
            }

            for (var column = j; column < Columns; column++)
            {
                Reflect(v, vNorm, j, rows, i => a[i, column], (i, value) => a[i, column] = value);
            }

            Reflect(v, vNorm, j, rows, i => b[i], (i, value) => b[i] = value);
        }

        var c = new double[Columns];
        for (var j = Columns - 1; j >= 0; j--)
        {
            var sum = b[j];
            for (var k = j + 1; k < Columns; k++)
            {
                sum -= a[j, k] * c[k];
            }

            c[j] = sum / a[j, j];
        }

        return (c[0] / scale[0], c[1] / scale[1], c[2] / scale[2]);
    }

    private static void Reflect(double[] v, double vNorm, int from, int rows, Func<int, double> get, Action<int, double> set)
    {
        if (vNorm == 0)
        {
            return;
        }

        var dot = 0.0;
        for (var i = from; i < rows; i++)
        {
            dot += v[i] * get(i);
        }

        var factor = 2 * dot / vNorm;
        for (var i = from; i < rows; i++)
        {
            set(i, get(i) - (factor * v[i]));
        }
    }
}
