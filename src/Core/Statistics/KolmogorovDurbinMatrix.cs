using MathNet.Numerics.LinearAlgebra;

namespace ModelGates.Statistics;

/// <summary>
/// P(Dₙ ≤ d) by Durbin's matrix formula as organised by Marsaglia, Tsang and Wang (2003): the k-th
/// diagonal entry of n!/nⁿ Hⁿ for an m×m matrix H, m = 2k − 1, k = ⌈nd⌉, with exponent tracking to
/// avoid overflow. Cost O(m³ log n); used only where m is small. The matrix products are MathNet's; the
/// scaling that keeps Hⁿ finite is the algorithm's, so it stays here.
/// </summary>
internal static class KolmogorovDurbinMatrix
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    /// <summary>P(Dₙ ≤ d).</summary>
    public static double Cdf(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;
        var matrix = BuildMatrix(h, m);
        var power = Matrix<double>.Build.DenseIdentity(m);
        var exponent = 0;
        var matrixExponent = 0;
        var remaining = n;
        while (remaining > 0)
        {
            if (remaining % 2 == 1)
            {
                power *= matrix;
                exponent += matrixExponent;
            }

            matrix *= matrix;
            matrixExponent *= 2;
            if (Math.Abs(matrix[k - 1, k - 1]) > Big)
            {
                matrix /= Big;
                matrixExponent += ScaleExponent;
            }

            remaining /= 2;
        }

        var p = power[k - 1, k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Small)
            {
                p *= Big;
                exponent -= ScaleExponent;
            }
        }

        if (exponent != 0)
        {
            p = Math.ScaleB(p, exponent);
        }

        return Math.Clamp(p, 0.0, 1.0);
    }

    // H: ones-and-factorials band, with the first column and last row carrying the (1 − h^j)/j! corrections.
    private static Matrix<double> BuildMatrix(double h, int m)
    {
        var v = new double[m];
        var w = new double[m];
        var factorial = 1.0;
        for (var j = 1; j <= m; j++)
        {
            w[j - 1] = factorial;
            factorial /= j;
            v[j - 1] = (1.0 - Math.Pow(h, j)) * factorial;
        }

        var tt = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + tt) * factorial;
        var matrix = Matrix<double>.Build.Dense(m, m);
        for (var i = 1; i < m; i++)
        {
            for (var row = i - 1; row < m; row++)
            {
                matrix[row, i] = w[row - (i - 1)];
            }
        }

        for (var row = 0; row < m; row++)
        {
            matrix[row, 0] = v[row];
        }

        for (var column = 0; column < m; column++)
        {
            matrix[m - 1, column] = v[m - 1 - column];
        }

        return matrix;
    }
}
