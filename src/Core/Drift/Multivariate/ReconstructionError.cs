using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra;
using ModelGates.Statistics;

namespace ModelGates.Drift.Multivariate;

/// <summary>
/// NannyML's data reconstruction drift, our own code: a PCA fitted on half of the standardised reference sample
/// (seeded split), keeping the fewest components that explain <see cref="VarianceKept"/> of its variance; each row's
/// error is the Euclidean distance between the row and its reconstruction from those components. The other half of
/// the reference gives the error the reference itself makes on rows the PCA did not see, which the current rows'
/// error is compared with. The components are the right singular vectors of the half's covariance matrix (MathNet's
/// managed SVD of a features × features matrix, the same vectors as the SVD of the rows at a fraction of the cost).
/// The covariance is summed feature by feature and the residuals row by row, so no rows × features matrix is held.
/// </summary>
internal static class ReconstructionError
{
    /// <summary>The share of the reference's variance the kept components explain (NannyML's default).</summary>
    public const double VarianceKept = 0.65;

    /// <summary>Fits on half of the reference and measures the held-out reference rows and every current row.</summary>
    public static ReconstructionFit Fit(EncodedFeatures features, ulong seed)
    {
        var order = Enumerable.Range(0, features.ReferenceRows).ToArray();
        var random = new SeededRandom(seed);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)random.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var fitRows = order[..(order.Length / 2)];
        var heldOut = order[(order.Length / 2)..];
        Array.Sort(fitRows);
        Array.Sort(heldOut);

        var pca = PcaModel.Fit([.. features.Reference.Select(f => Gather(f, fitRows))]);
        var (referenceErrors, referenceSquares) = pca.Residuals(features.Reference, heldOut);
        var (currentErrors, currentSquares) = pca.Residuals(features.Current, [.. Enumerable.Range(0, features.CurrentRows)]);
        return new ReconstructionFit(pca.Components.RowCount, pca.Explained, referenceErrors, currentErrors, referenceSquares, currentSquares);
    }

    private static double[] Gather(double[] feature, int[] rows)
    {
        var values = new double[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            values[r] = feature[rows[r]];
        }

        return values;
    }
}

/// <summary>What the reconstruction check measured.</summary>
/// <param name="Components">Components kept.</param>
/// <param name="Explained">The share of the fitted half's variance they explain.</param>
/// <param name="ReferenceErrors">Each held-out reference row's reconstruction error.</param>
/// <param name="CurrentErrors">Each current row's reconstruction error.</param>
/// <param name="ReferenceFeatureSquares">Per feature, the held-out reference rows' mean squared residual.</param>
/// <param name="CurrentFeatureSquares">Per feature, the current rows' mean squared residual.</param>
internal sealed record ReconstructionFit(
    int Components,
    double Explained,
    double[] ReferenceErrors,
    double[] CurrentErrors,
    double[] ReferenceFeatureSquares,
    double[] CurrentFeatureSquares);

/// <summary>A PCA fitted on rows: their mean and the kept components (rows of <see cref="Components"/>).</summary>
/// <param name="Mean">Each feature's mean over the fitted rows.</param>
/// <param name="Components">The kept components, one per row, largest variance first.</param>
/// <param name="Explained">The share of the variance they explain.</param>
internal sealed record PcaModel(double[] Mean, Matrix<double> Components, double Explained)
{
    private double[][]? rows;

    /// <summary>Fits on <paramref name="rows"/> (rows by features), keeping the fewest components that explain <see cref="ReconstructionError.VarianceKept"/> of the variance.</summary>
    public static PcaModel Fit(Matrix<double> rows) => Fit([.. Enumerable.Range(0, rows.ColumnCount).Select(j => rows.Column(j).ToArray())]);

    /// <summary>As the matrix overload, from the features' columns (each one feature over the fitted rows).</summary>
    public static PcaModel Fit(IReadOnlyList<double[]> columns)
    {
        var p = columns.Count;
        var n = p == 0 ? 0 : columns[0].Length;
        var mean = new double[p];
        var centred = new double[p][];
        for (var j = 0; j < p; j++)
        {
            mean[j] = columns[j].Sum() / n;
            centred[j] = [.. columns[j].Select(v => v - mean[j])];
        }

        var covariance = Matrix<double>.Build.Dense(p, p);
        for (var j = 0; j < p; j++)
        {
            for (var l = 0; l <= j; l++)
            {
                var c = Dot(centred[j], centred[l]) / Math.Max(1, n - 1);
                covariance[j, l] = c;
                covariance[l, j] = c;
            }
        }

        var svd = covariance.Svd(computeVectors: true);
        var variances = svd.S.ToArray();
        var total = variances.Sum();
        var kept = 0;
        var explained = 0.0;
        while (kept < variances.Length && (kept == 0 || explained < ReconstructionError.VarianceKept * total))
        {
            explained += variances[kept];
            kept++;
        }

        return new PcaModel(mean, svd.VT.SubMatrix(0, kept, 0, p), total > 0 ? explained / total : 1);
    }

    /// <summary>Each row's reconstruction error: the Euclidean distance between the row and its projection on the components.</summary>
    public double[] Errors(Matrix<double> rows) =>
        Residuals([.. Enumerable.Range(0, rows.ColumnCount).Select(j => rows.Column(j).ToArray())], [.. Enumerable.Range(0, rows.RowCount)]).Errors;

    /// <summary>
    /// For the rows <paramref name="rows"/> of <paramref name="features"/> (each array one feature): each row's
    /// reconstruction error, and per feature the mean squared residual.
    /// </summary>
    public (double[] Errors, double[] FeatureSquares) Residuals(IReadOnlyList<double[]> features, int[] rows)
    {
        var components = this.rows ??= [.. Enumerable.Range(0, Components.RowCount).Select(k => Components.Row(k).ToArray())];
        var p = Mean.Length;
        var errors = new double[rows.Length];
        var squares = new double[p];
        var x = new double[p];
        var projections = new double[components.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var j = 0; j < p; j++)
            {
                x[j] = features[j][rows[r]] - Mean[j];
            }

            // Residual = x minus its projection: x − Σₖ (cₖ·x) cₖ, the components orthonormal.
            for (var k = 0; k < components.Length; k++)
            {
                projections[k] = Dot(components[k], x);
            }

            for (var k = 0; k < components.Length; k++)
            {
                Subtract(x, projections[k], components[k]);
            }

            var norm = 0.0;
            for (var j = 0; j < p; j++)
            {
                norm += x[j] * x[j];
                squares[j] += x[j] * x[j];
            }

            errors[r] = Math.Sqrt(norm);
        }

        for (var j = 0; j < p; j++)
        {
            squares[j] = rows.Length == 0 ? 0 : squares[j] / rows.Length;
        }

        return (errors, squares);
    }

    // Four lanes and then the tail, in a fixed order with separate multiplies and adds, so every machine (whatever its
    // vector width, with or without hardware vectors) sums in the same order and gets the same bits.
    private static double Dot(double[] a, double[] b)
    {
        var sum = Vector256<double>.Zero;
        var i = 0;
        for (; i + 4 <= a.Length; i += 4)
        {
            sum += Vector256.Create(a, i) * Vector256.Create(b, i);
        }

        var total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static void Subtract(double[] x, double scale, double[] component)
    {
        var s = Vector256.Create(scale);
        var i = 0;
        for (; i + 4 <= x.Length; i += 4)
        {
            (Vector256.Create(x, i) - (s * Vector256.Create(component, i))).CopyTo(x, i);
        }

        for (; i < x.Length; i++)
        {
            x[i] -= scale * component[i];
        }
    }
}
