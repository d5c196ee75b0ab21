using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// Direct loss estimation (DLE) of a regression model: the <c>mae</c> and <c>rmse</c> a window would have, without
/// its labels. Two nanny models (<see cref="LossModel"/>, LightGBM) learn on a labelled reference (not the training
/// set) to predict each row's absolute and squared error from the row's features and the model's prediction; a
/// window's MAE is the mean predicted absolute error and its RMSE the root of the mean predicted squared error.
/// Valid under covariate shift only: it assumes the loss given the features is the reference's (no concept drift).
/// See docs/monitoring-estimation.md.
/// </summary>
internal sealed class DleEstimator
{
    /// <summary>The fewest reference rows: LightGBM needs 20 rows per leaf, and a loss model wants many leaves.</summary>
    public const int MinimumReferenceRows = 100;

    /// <summary>The seed of the nanny models when none is given.</summary>
    public const int DefaultSeed = 42;

    private readonly LossModel _absolute;
    private readonly LossModel _squared;

    private DleEstimator(LossModel absolute, LossModel squared, int featureCount, int referenceRows, double absoluteVariation, double squaredVariation)
    {
        _absolute = absolute;
        _squared = squared;
        FeatureCount = featureCount;
        ReferenceRows = referenceRows;
        AbsoluteErrorVariation = absoluteVariation;
        SquaredErrorVariation = squaredVariation;
    }

    /// <summary>The number of feature columns a window must give (the prediction not counted).</summary>
    public int FeatureCount { get; }

    /// <summary>The number of labelled reference rows fitted on.</summary>
    public int ReferenceRows { get; }

    /// <summary>The coefficient of variation (standard deviation / mean) of the reference's absolute errors, behind the MAE band.</summary>
    public double AbsoluteErrorVariation { get; }

    /// <summary>The coefficient of variation of the reference's squared errors, behind the RMSE band.</summary>
    public double SquaredErrorVariation { get; }

    /// <summary>Fits the nanny models on a labelled reference.</summary>
    /// <param name="referenceFeatures">The model's numeric features, one array per column, each with one value per row (NaN: missing).</param>
    /// <param name="referencePredictions">The model's prediction of each row.</param>
    /// <param name="referenceLabels">The true value of each row.</param>
    /// <param name="seed">The nanny models' seed.</param>
    /// <exception cref="ModelGatesException">MG6020 (lengths differ, fewer than <see cref="MinimumReferenceRows"/> rows), MG6022 (a prediction or label not finite, a feature infinite); exit code 3.</exception>
    public static DleEstimator Fit(
        IReadOnlyList<double[]> referenceFeatures, ReadOnlySpan<double> referencePredictions, ReadOnlySpan<double> referenceLabels, int seed = DefaultSeed)
    {
        var rows = referencePredictions.Length;
        var columns = new List<(string, int)> { ("labels", referenceLabels.Length) };
        for (var c = 0; c < referenceFeatures.Count; c++)
        {
            columns.Add(("values in feature column " + (c + 1).ToString(CultureInfo.InvariantCulture), referenceFeatures[c].Length));
        }

        EstimationErrors.RequireReference("DLE", rows, MinimumReferenceRows, [.. columns]);
        EstimationErrors.RequireFinite(referencePredictions, "reference prediction");
        EstimationErrors.RequireFinite(referenceLabels, "reference label");
        var features = Rows(referenceFeatures, referencePredictions, "reference");

        var absolute = new float[rows];
        var squared = new float[rows];
        var absoluteLosses = new double[rows];
        var squaredLosses = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var error = referenceLabels[i] - referencePredictions[i];
            absoluteLosses[i] = Math.Abs(error);
            squaredLosses[i] = error * error;
            absolute[i] = (float)absoluteLosses[i];
            squared[i] = (float)squaredLosses[i];
        }

        return new DleEstimator(
            LossModel.Fit(features, absolute, seed),
            LossModel.Fit(features, squared, seed),
            referenceFeatures.Count,
            rows,
            Variation(absoluteLosses),
            Variation(squaredLosses));
    }

    /// <summary>The estimated <c>mae</c> and <c>rmse</c> of a window, in that order, each with its sampling-error band.</summary>
    /// <param name="windowFeatures">The window's feature columns, as many and in the order of the reference's.</param>
    /// <param name="windowPredictions">The model's prediction of each window row.</param>
    /// <exception cref="ModelGatesException">MG6022 (a prediction not finite, a feature infinite), MG6023 (no rows, other columns); exit code 3.</exception>
    public IReadOnlyList<EstimatedMetric> Estimate(IReadOnlyList<double[]> windowFeatures, ReadOnlySpan<double> windowPredictions)
    {
        var rows = windowPredictions.Length;
        EstimationErrors.RequireRows(rows, "DLE");
        if (windowFeatures.Count != FeatureCount || windowFeatures.Any(column => column.Length != rows))
        {
            throw EstimationErrors.Fail(DiagnosticCatalog.EstimationWindowInvalid.Create(string.Create(
                CultureInfo.InvariantCulture,
                $"The window has {windowFeatures.Count} feature columns of {string.Join(", ", windowFeatures.Select(c => c.Length).Distinct())} rows and {rows} predictions; DLE was fitted on {FeatureCount} feature columns and needs each with one value per prediction.")));
        }

        EstimationErrors.RequireFinite(windowPredictions, "window prediction");
        var features = Rows(windowFeatures, windowPredictions, "window");
        var mae = Mean(_absolute.Predict(features));
        var mse = Mean(_squared.Predict(features));
        var rmse = Math.Sqrt(mse);
        var root = Math.Sqrt(rows);

        // The reference's spread of per-row losses relative to their mean, carried to the window's estimated level
        // and size; RMSE's by the delta method from MSE's (d√m = dm / 2√m).
        var maeError = AbsoluteErrorVariation * mae / root;
        var rmseError = rmse > 0 ? SquaredErrorVariation * mse / root / (2 * rmse) : 0;
        return
        [
            SamplingBand.Around("mae", mae, maeError, 0, double.MaxValue),
            SamplingBand.Around("rmse", rmse, rmseError, 0, double.MaxValue),
        ];
    }

    // Row-major single-precision rows for ML.NET: the features, then the prediction.
    private static float[][] Rows(IReadOnlyList<double[]> columns, ReadOnlySpan<double> predictions, string what)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            EstimationErrors.RequireNotInfinite(columns[c], what + " feature " + (c + 1).ToString(CultureInfo.InvariantCulture));
        }

        var rows = new float[predictions.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = new float[columns.Count + 1];
            for (var c = 0; c < columns.Count; c++)
            {
                row[c] = (float)columns[c][i];
            }

            row[^1] = (float)predictions[i];
            rows[i] = row;
        }

        return rows;
    }

    private static double Mean(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static double Variation(double[] losses)
    {
        var mean = Mean(losses);
        if (mean <= 0)
        {
            return 0;
        }

        var squares = 0.0;
        foreach (var loss in losses)
        {
            squares += (loss - mean) * (loss - mean);
        }

        return Math.Sqrt(squares / losses.Length) / mean;
    }
}
