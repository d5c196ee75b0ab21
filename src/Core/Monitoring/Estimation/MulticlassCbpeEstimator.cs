using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// CBPE of a multiclass classifier (docs/monitoring-estimation.md#multiclass-models): each class's probability column is
/// calibrated one-vs-rest on a labelled reference, by isotonic regression only when that lowers the class's
/// cross-validated calibration error (the binary rule, <see cref="CbpeEstimator"/>, per class); a row's calibrated
/// probabilities are then divided by their sum, as NannyML does, so they are again a distribution over the classes
/// (uniform when every class calibrates to 0). The predicted class is the model's own: the highest uncalibrated
/// probability, ties to the lowest class, as the model gates' multiclass metrics decide. A window's estimates are those
/// of its expected confusion (<see cref="MulticlassExpectation"/>) with sampling-error bands
/// (<see cref="MulticlassSamplingError"/>). Valid under covariate shift only, as binary CBPE.
/// </summary>
internal sealed class MulticlassCbpeEstimator
{
    /// <summary>The metric ids of the estimates, in the order <see cref="Estimate"/> returns them.</summary>
    public static readonly string[] Metrics = ["accuracy", "macroPrecision", "macroRecall", "macroF1", "macroAuc"];

    private readonly CbpeEstimator[] classes;

    private MulticlassCbpeEstimator(CbpeEstimator[] classes, int referenceRows)
    {
        this.classes = classes;
        ReferenceRows = referenceRows;
    }

    /// <summary>The number of classes K.</summary>
    public int ClassCount => classes.Length;

    /// <summary>The number of labelled reference rows fitted on.</summary>
    public int ReferenceRows { get; }

    /// <summary>Whether each class's isotonic calibration was kept, by class index.</summary>
    public IReadOnlyList<bool> Calibrated => [.. classes.Select(c => c.Calibrated)];

    /// <summary>Each class's cross-validated calibration errors, by class index.</summary>
    public IReadOnlyList<CalibrationChoice?> Choices => [.. classes.Select(c => c.Choice)];

    /// <summary>Fits the estimator on a labelled reference: <paramref name="probabilities"/> row-major (n × K), labels in 0..K-1.</summary>
    /// <exception cref="ModelGatesException">
    /// MG6020 (lengths differ, too few rows), MG6021 (fewer than <see cref="CbpeEstimator.MinimumRowsPerClass"/> rows of
    /// a class or of the rest), MG6022 (a probability not finite or outside [0, 1]), MG6023 (a label outside 0..K-1); exit code 3.
    /// </exception>
    public static MulticlassCbpeEstimator Fit(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, int classCount)
    {
        EstimationErrors.RequireReference("multiclass CBPE", labels.Length, 2 * CbpeEstimator.MinimumRowsPerClass, ("probabilities", probabilities.Length / Math.Max(1, classCount)));
        RequireProbabilities(probabilities, classCount, "reference");
        var n = labels.Length;
        for (var i = 0; i < n; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount)
            {
                throw EstimationErrors.Fail(DiagnosticCatalog.EstimationWindowInvalid.Create(string.Create(
                    CultureInfo.InvariantCulture, $"The label of reference row {i + 1} is class {labels[i]}; multiclass CBPE's classes are 0..{classCount - 1}.")));
            }
        }

        var fitted = new CbpeEstimator[classCount];
        var scores = new double[n];
        var isClass = new bool[n];
        for (var c = 0; c < classCount; c++)
        {
            for (var i = 0; i < n; i++)
            {
                scores[i] = probabilities[(i * classCount) + c];
                isClass[i] = labels[i] == c;
            }

            try
            {
                fitted[c] = CbpeEstimator.Fit(scores, isClass);
            }
            catch (ModelGatesException e)
            {
                // The binary message counts "positive" and "negative" rows; name the class instead.
                throw new ModelGatesException([.. e.Diagnostics.Select(d => d with { Message = string.Create(CultureInfo.InvariantCulture, $"Class {c} (one vs rest): {d.Message}") })], e.ExitCode);
            }
        }

        return new MulticlassCbpeEstimator(fitted, n);
    }

    /// <summary>
    /// The calibrated probabilities of a window (row-major n × K): each class's column through its calibrator (or
    /// clipped to [0, 1] when calibration was not kept), each row divided by its sum (uniform when the sum is 0).
    /// </summary>
    public double[] Probabilities(ReadOnlySpan<double> windowProbabilities)
    {
        var k = ClassCount;
        var n = windowProbabilities.Length / k;
        var calibrated = new double[n * k];
        var column = new double[n];
        for (var c = 0; c < k; c++)
        {
            for (var i = 0; i < n; i++)
            {
                column[i] = windowProbabilities[(i * k) + c];
            }

            var p = classes[c].Probabilities(column);
            for (var i = 0; i < n; i++)
            {
                calibrated[(i * k) + c] = p[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            var row = calibrated.AsSpan(i * k, k);
            var sum = 0.0;
            foreach (var p in row)
            {
                sum += p;
            }

            for (var c = 0; c < k; c++)
            {
                row[c] = sum > 0 ? row[c] / sum : 1.0 / k;
            }
        }

        return calibrated;
    }

    /// <summary>
    /// The estimated <c>accuracy</c>, <c>macroPrecision</c>, <c>macroRecall</c>, <c>macroF1</c> and <c>macroAuc</c> of a
    /// window (row-major n × K model probabilities), in that order, each with its sampling-error band.
    /// </summary>
    /// <exception cref="ModelGatesException">MG6022 (a probability not finite or outside [0, 1]), MG6023 (no rows); exit code 3.</exception>
    public IReadOnlyList<EstimatedMetric> Estimate(ReadOnlySpan<double> windowProbabilities)
    {
        var k = ClassCount;
        EstimationErrors.RequireRows(windowProbabilities.Length / k, "multiclass CBPE");
        RequireProbabilities(windowProbabilities, k, "window");
        var calibrated = Probabilities(windowProbabilities);
        var expectation = MulticlassExpectation.Of(windowProbabilities, calibrated, k);
        var errors = MulticlassSamplingError.Of(windowProbabilities, calibrated, k);
        double[] values = [expectation.Accuracy, expectation.MacroPrecision, expectation.MacroRecall, expectation.MacroF1, expectation.MacroAuc];
        double[] standardErrors = [expectation.AccuracyStandardError, errors.MacroPrecision, errors.MacroRecall, errors.MacroF1, errors.MacroAuc];
        return [.. Metrics.Select((m, i) => SamplingBand.Around(m, values[i], standardErrors[i], 0, 1))];
    }

    private static void RequireProbabilities(ReadOnlySpan<double> probabilities, int classCount, string side)
    {
        if (classCount < 2 || probabilities.Length % classCount != 0)
        {
            throw EstimationErrors.Fail(DiagnosticCatalog.EstimationWindowInvalid.Create(string.Create(
                CultureInfo.InvariantCulture, $"Multiclass CBPE needs one probability column per class and at least 2 classes; the {side} has {probabilities.Length} values for {classCount} classes.")));
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            if (!double.IsFinite(probabilities[i]) || probabilities[i] < 0 || probabilities[i] > 1)
            {
                throw EstimationErrors.Fail(DiagnosticCatalog.EstimationValueNotFinite.Create(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {side} probability of class {i % classCount} in row {(i / classCount) + 1} is {probabilities[i].ToString("R", CultureInfo.InvariantCulture)}; multiclass CBPE needs a probability in [0, 1] in every class column.")));
            }
        }
    }
}
