namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// The metrics CBPE expects of a multiclass window. A row predicted as class c (the highest model probability, ties to
/// the lowest class) is correct with its calibrated probability p_c, so the expected accuracy is the mean of those and,
/// rows being independent, its standard error √Σ p_c(1 - p_c) / n. One vs rest, class c expects TP_c = Σ p_c over the
/// rows predicted c, the predicted count of c is known from the scores and the actual count of c is expected to be
/// Σ p_c over all rows: precision_c = TP_c / predicted_c, recall_c = TP_c / actual_c, F1_c = 2 TP_c / (predicted_c +
/// actual_c) (each 0 when its denominator is, as zero_division=0); the macro metrics are their unweighted means over
/// all K classes (NannyML's), and the macro AUC the mean of each class's expected one-vs-rest AUC
/// (<see cref="ExpectedRocAuc"/>: the model's probability of c ranks, the calibrated one counts).
/// </summary>
internal sealed record MulticlassExpectation(double Accuracy, double AccuracyStandardError, double MacroPrecision, double MacroRecall, double MacroF1, double MacroAuc)
{
    /// <summary>The expectation from a window's model probabilities and their calibrated ones (both row-major n × K).</summary>
    public static MulticlassExpectation Of(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> calibrated, int classCount)
    {
        var k = classCount;
        var n = probabilities.Length / k;
        var predicted = PredictedClasses(probabilities, k);
        var truePositive = new double[k];
        var predictedCount = new double[k];
        var actual = new double[k];
        double correct = 0, variance = 0;
        for (var i = 0; i < n; i++)
        {
            var c = predicted[i];
            var p = calibrated[(i * k) + c];
            correct += p;
            variance += p * (1 - p);
            truePositive[c] += p;
            predictedCount[c]++;
            for (var j = 0; j < k; j++)
            {
                actual[j] += calibrated[(i * k) + j];
            }
        }

        double precision = 0, recall = 0, f1 = 0;
        for (var c = 0; c < k; c++)
        {
            precision += Ratio(truePositive[c], predictedCount[c]);
            recall += Ratio(truePositive[c], actual[c]);
            f1 += Ratio(2 * truePositive[c], predictedCount[c] + actual[c]);
        }

        var auc = 0.0;
        var scores = new double[n];
        var classProbabilities = new double[n];
        for (var c = 0; c < k && !double.IsNaN(auc); c++)
        {
            for (var i = 0; i < n; i++)
            {
                scores[i] = probabilities[(i * k) + c];
                classProbabilities[i] = calibrated[(i * k) + c];
            }

            auc += ExpectedRocAuc.Value(scores, classProbabilities);
        }

        return new MulticlassExpectation(correct / n, Math.Sqrt(variance) / n, precision / k, recall / k, f1 / k, auc / k);
    }

    /// <summary>Each row's predicted class: the highest probability, the lowest class on a tie (as <c>MulticlassPredictions</c>).</summary>
    public static int[] PredictedClasses(ReadOnlySpan<double> probabilities, int classCount)
    {
        var predicted = new int[probabilities.Length / classCount];
        for (var i = 0; i < predicted.Length; i++)
        {
            var best = 0;
            for (var c = 1; c < classCount; c++)
            {
                if (probabilities[(i * classCount) + c] > probabilities[(i * classCount) + best])
                {
                    best = c;
                }
            }

            predicted[i] = best;
        }

        return predicted;
    }

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : 0;
}
