using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// Confidence-based performance estimation (CBPE) of a binary classifier: the accuracy, precision, recall, F1 and
/// ROC AUC a window of scores would have, without its labels. Fitted on a labelled reference (not the training set),
/// whose scores are calibrated into probabilities by isotonic regression when that lowers the calibration error
/// out of sample (<see cref="CalibrationChoice"/>); a window's metrics are then those of its expected confusion
/// matrix (<see cref="ExpectedConfusion"/>, <see cref="ExpectedRocAuc"/>), each with a sampling-error band.
/// Valid under covariate shift only: it assumes P(label | score) is the reference's (no concept drift).
/// See docs/monitoring-estimation.md.
/// </summary>
internal sealed class CbpeEstimator
{
    /// <summary>The fewest rows of each class a reference needs: one per calibration fold.</summary>
    public const int MinimumRowsPerClass = CalibrationChoice.Folds;

    private readonly IsotonicCalibrator? _calibrator;

    private CbpeEstimator(double threshold, IsotonicCalibrator? calibrator, CalibrationChoice? choice, int referenceRows)
    {
        Threshold = threshold;
        _calibrator = calibrator;
        Choice = choice;
        ReferenceRows = referenceRows;
    }

    /// <summary>Whether isotonic calibration was kept (scores outside [0, 1] are always calibrated).</summary>
    public bool Calibrated => _calibrator is not null;

    /// <summary>The decision threshold: scores at or above it are predicted positive, as in the thresholded metrics.</summary>
    public double Threshold { get; }

    /// <summary>The cross-validated calibration errors behind <see cref="Calibrated"/>; null when the scores were not probabilities and calibration was required.</summary>
    public CalibrationChoice? Choice { get; }

    /// <summary>The number of labelled reference rows fitted on.</summary>
    public int ReferenceRows { get; }

    /// <summary>Fits the estimator on a labelled reference.</summary>
    /// <exception cref="ModelGatesException">MG6020 (lengths differ), MG6021 (fewer than <see cref="MinimumRowsPerClass"/> rows of a class), MG6022 (a score or the threshold not finite); exit code 3.</exception>
    public static CbpeEstimator Fit(ReadOnlySpan<double> referenceScores, ReadOnlySpan<bool> referenceLabels, double threshold = 0.5)
    {
        if (!double.IsFinite(threshold))
        {
            throw EstimationErrors.Fail(DiagnosticCatalog.EstimationValueNotFinite.Create(
                "The decision threshold of CBPE is " + threshold.ToString("R", CultureInfo.InvariantCulture) + "; it must be a finite number."));
        }

        EstimationErrors.RequireReference("CBPE", referenceScores.Length, 2 * MinimumRowsPerClass, ("labels", referenceLabels.Length));
        EstimationErrors.RequireFinite(referenceScores, "reference score");
        var positives = 0;
        var probabilities = true;
        for (var i = 0; i < referenceScores.Length; i++)
        {
            positives += referenceLabels[i] ? 1 : 0;
            probabilities &= referenceScores[i] is >= 0 and <= 1;
        }

        var negatives = referenceScores.Length - positives;
        if (positives < MinimumRowsPerClass || negatives < MinimumRowsPerClass)
        {
            throw EstimationErrors.Fail(DiagnosticCatalog.EstimationReferenceOneClass.Create(string.Create(
                CultureInfo.InvariantCulture,
                $"The CBPE reference has {positives} positive and {negatives} negative rows; it needs at least {MinimumRowsPerClass} of each to calibrate the scores and check the calibration. Use a larger labelled reference.")));
        }

        // Scores that are not probabilities (margins, log-odds) mean nothing as p: calibration is the only way in.
        var choice = probabilities ? CalibrationChoice.Decide(referenceScores, referenceLabels) : null;
        var calibrator = choice is { Calibrate: false } ? null : IsotonicCalibrator.Fit(referenceScores, referenceLabels);
        return new CbpeEstimator(threshold, calibrator, choice, referenceScores.Length);
    }

    /// <summary>
    /// The calibrated probabilities of a window's scores; the scores themselves when calibration was not kept, clipped
    /// to [0, 1] (the reference's scores were probabilities, so a window's score beyond them is clipped, as the
    /// calibrator clips a score beyond the reference's range).
    /// </summary>
    public double[] Probabilities(ReadOnlySpan<double> windowScores)
    {
        if (_calibrator is not null)
        {
            return _calibrator.Calibrate(windowScores);
        }

        var probabilities = new double[windowScores.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = Math.Clamp(windowScores[i], 0, 1);
        }

        return probabilities;
    }

    /// <summary>
    /// The estimated <c>accuracy</c>, <c>precision</c>, <c>recall</c>, <c>f1</c> and <c>auc</c> of a window, in that
    /// order, each with its sampling-error band.
    /// </summary>
    /// <exception cref="ModelGatesException">MG6022 (a score not finite), MG6023 (no rows); exit code 3.</exception>
    public IReadOnlyList<EstimatedMetric> Estimate(ReadOnlySpan<double> windowScores)
    {
        EstimationErrors.RequireRows(windowScores.Length, "CBPE");
        EstimationErrors.RequireFinite(windowScores, "window score");
        var probabilities = Probabilities(windowScores);
        var confusion = ExpectedConfusion.Of(windowScores, probabilities, Threshold);
        var accuracy = confusion.Accuracy();
        var precision = confusion.Precision();
        var recall = confusion.Recall();
        var f1 = confusion.F1();
        var auc = ExpectedRocAuc.Estimate(windowScores, probabilities);
        return
        [
            SamplingBand.Around("accuracy", accuracy.Value, accuracy.StandardError, 0, 1),
            SamplingBand.Around("precision", precision.Value, precision.StandardError, 0, 1),
            SamplingBand.Around("recall", recall.Value, recall.StandardError, 0, 1),
            SamplingBand.Around("f1", f1.Value, f1.StandardError, 0, 1),
            SamplingBand.Around("auc", auc.Value, auc.StandardError, 0, 1),
        ];
    }
}
