namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// The confusion matrix CBPE expects for a window: a row predicted positive (score at or above the threshold, as
/// the thresholded metrics decide) is a true positive with its calibrated probability p and a false positive with
/// 1 - p; a row predicted negative is a false negative with p and a true negative with 1 - p. With each label an
/// independent Bernoulli(p), the realized counts vary around these by Var(TP) = Σ p(1 - p) over the predicted
/// positives and Var(FN) likewise over the predicted negatives, while the predicted counts are fixed by the scores;
/// the standard errors follow exactly (accuracy, precision) or by the delta method (recall, F1).
/// </summary>
internal sealed record ExpectedConfusion(
    double TruePositive, double FalsePositive, double TrueNegative, double FalseNegative,
    double TruePositiveVariance, double FalseNegativeVariance, long PredictedPositive, long Rows)
{
    /// <summary>The expected counts of a window from its scores and calibrated probabilities.</summary>
    public static ExpectedConfusion Of(ReadOnlySpan<double> scores, ReadOnlySpan<double> probabilities, double threshold)
    {
        double tp = 0, fp = 0, fn = 0, tn = 0, varTp = 0, varFn = 0;
        long predicted = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var p = probabilities[i];
            if (scores[i] >= threshold)
            {
                predicted++;
                tp += p;
                fp += 1 - p;
                varTp += p * (1 - p);
            }
            else
            {
                fn += p;
                tn += 1 - p;
                varFn += p * (1 - p);
            }
        }

        return new ExpectedConfusion(tp, fp, tn, fn, varTp, varFn, predicted, scores.Length);
    }

    /// <summary>(TP + TN) / n; each row is correct with probability p or 1 - p, so the variances add.</summary>
    public (double Value, double StandardError) Accuracy() =>
        ((TruePositive + TrueNegative) / Rows, Math.Sqrt(TruePositiveVariance + FalseNegativeVariance) / Rows);

    /// <summary>TP / predicted positives (0 when none, as <c>precision</c>); the denominator is known from the scores.</summary>
    public (double Value, double StandardError) Precision() =>
        PredictedPositive == 0
            ? (0, 0)
            : (TruePositive / PredictedPositive, Math.Sqrt(TruePositiveVariance) / PredictedPositive);

    /// <summary>TP / (TP + FN) (0 when no positive is expected, as <c>recall</c>); both counts are random.</summary>
    public (double Value, double StandardError) Recall()
    {
        var actual = TruePositive + FalseNegative;
        if (actual <= 0)
        {
            return (0, 0);
        }

        var variance = ((FalseNegative * FalseNegative * TruePositiveVariance) + (TruePositive * TruePositive * FalseNegativeVariance))
            / (actual * actual * actual * actual);
        return (TruePositive / actual, Math.Sqrt(variance));
    }

    /// <summary>2TP / (predicted positives + TP + FN) (0 when that is 0, as <c>f1</c>).</summary>
    public (double Value, double StandardError) F1()
    {
        var denominator = PredictedPositive + TruePositive + FalseNegative;
        if (denominator <= 0)
        {
            return (0, 0);
        }

        var dTp = 2 * (PredictedPositive + FalseNegative);
        var dFn = 2 * TruePositive;
        var variance = ((dTp * dTp * TruePositiveVariance) + (dFn * dFn * FalseNegativeVariance))
            / (denominator * denominator * denominator * denominator);
        return (2 * TruePositive / denominator, Math.Sqrt(variance));
    }
}
