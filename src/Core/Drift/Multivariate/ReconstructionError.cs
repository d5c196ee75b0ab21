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
/// </summary>
internal static class ReconstructionError
{
    /// <summary>The share of the reference's variance the kept components explain (NannyML's default).</summary>
    public const double VarianceKept = 0.65;

    /// <summary>Fits on half of the reference and measures the held-out reference rows and every current row.</summary>
    public static ReconstructionFit Fit(EncodedFeatures features, ulong seed)
    {
        var p = features.Count;
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

        var pca = PcaModel.Fit(Matrix<double>.Build.Dense(fitRows.Length, p, (r, j) => features.Reference[j][fitRows[r]]));
        var referenceResiduals = Residuals(features.Reference, heldOut, pca.Mean, pca.Components);
        var currentResiduals = Residuals(features.Current, [.. Enumerable.Range(0, features.CurrentRows)], pca.Mean, pca.Components);
        return new ReconstructionFit(
            pca.Components.RowCount,
            pca.Explained,
            Norms(referenceResiduals),
            Norms(currentResiduals),
            MeanSquares(referenceResiduals),
            MeanSquares(currentResiduals));
    }

    // Each row's residual (row minus its projection on the kept components), rows by features.
    private static Matrix<double> Residuals(IReadOnlyList<double[]> side, int[] rows, double[] mean, Matrix<double> components)
    {
        var x = Matrix<double>.Build.Dense(rows.Length, mean.Length, (r, j) => side[j][rows[r]] - mean[j]);
        return x - (x * components.Transpose() * components);
    }

    private static double[] Norms(Matrix<double> residuals) =>
        [.. Enumerable.Range(0, residuals.RowCount).Select(r => residuals.Row(r).L2Norm())];

    private static double[] MeanSquares(Matrix<double> residuals) =>
        [.. Enumerable.Range(0, residuals.ColumnCount).Select(j => residuals.RowCount == 0 ? 0 : residuals.Column(j).Sum(v => v * v) / residuals.RowCount)];
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
    /// <summary>Fits on <paramref name="rows"/> (rows by features), keeping the fewest components that explain <see cref="ReconstructionError.VarianceKept"/> of the variance.</summary>
    public static PcaModel Fit(Matrix<double> rows)
    {
        var p = rows.ColumnCount;
        var mean = Enumerable.Range(0, p).Select(j => rows.Column(j).Sum() / rows.RowCount).ToArray();
        var x = rows.MapIndexed((_, j, v) => v - mean[j]);
        var covariance = x.TransposeThisAndMultiply(x) / Math.Max(1, rows.RowCount - 1);
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
    public double[] Errors(Matrix<double> rows)
    {
        var x = rows.MapIndexed((_, j, v) => v - Mean[j]);
        var residuals = x - (x * Components.Transpose() * Components);
        return [.. Enumerable.Range(0, residuals.RowCount).Select(r => residuals.Row(r).L2Norm())];
    }
}
