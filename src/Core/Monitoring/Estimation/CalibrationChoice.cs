using ModelGates.Statistics;

namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// Whether isotonic calibration lowers the calibration error of a reference's scores, judged out of sample:
/// stratified 10-fold cross-validation (each fold calibrated by isotonic regression fitted on the other nine), the
/// expected calibration error of the pooled held-out scores before and after, over 10 equal-count bins (NannyML's
/// rule, with folds instead of its repeated random splits). Calibration is kept only when it is strictly lower:
/// isotonic regression always fits its own training rows better, so only held-out rows can tell.
/// </summary>
internal sealed record CalibrationChoice(bool Calibrate, double ErrorBefore, double ErrorAfter)
{
    /// <summary>The number of folds; every fold holds at least one row of each class when each has this many.</summary>
    public const int Folds = 10;

    /// <summary>The number of equal-count bins of the calibration error.</summary>
    public const int Bins = 10;

    private const ulong Seed = 0x4D47_4341_4C49UL;

    /// <summary>Decides for a reference with at least <see cref="Folds"/> rows of each class.</summary>
    public static CalibrationChoice Decide(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var fold = StratifiedFolds(labels);
        var calibrated = new double[scores.Length];
        for (var f = 0; f < Folds; f++)
        {
            var trainScores = new List<double>(scores.Length);
            var trainLabels = new List<bool>(scores.Length);
            for (var i = 0; i < scores.Length; i++)
            {
                if (fold[i] != f)
                {
                    trainScores.Add(scores[i]);
                    trainLabels.Add(labels[i]);
                }
            }

            var calibrator = IsotonicCalibrator.Fit(trainScores.ToArray(), trainLabels.ToArray());
            for (var i = 0; i < scores.Length; i++)
            {
                if (fold[i] == f)
                {
                    calibrated[i] = calibrator.Calibrate(scores[i]);
                }
            }
        }

        var before = ExpectedCalibrationError(scores, labels);
        var after = ExpectedCalibrationError(calibrated, labels);
        return new CalibrationChoice(after < before, before, after);
    }

    /// <summary>
    /// The weighted mean, over equal-count bins of the rows sorted by probability (ties by row, so the bins are
    /// deterministic), of |mean probability - share of positives|; the last bin takes the remainder.
    /// </summary>
    public static double ExpectedCalibrationError(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        var n = probabilities.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var values = probabilities.ToArray();
        Array.Sort(order, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b));
        var bins = n <= 2 * Bins ? Math.Max(1, n / 2) : Bins;
        var width = n / bins;
        var error = 0.0;
        for (var b = 0; b < bins; b++)
        {
            var start = b * width;
            var end = b == bins - 1 ? n : start + width;
            double sumP = 0, positives = 0;
            for (var k = start; k < end; k++)
            {
                sumP += values[order[k]];
                positives += labels[order[k]] ? 1 : 0;
            }

            var count = end - start;
            error += (double)count / n * Math.Abs((sumP / count) - (positives / count));
        }

        return error;
    }

    // Each class shuffled with a fixed seed and dealt round-robin to the folds.
    private static int[] StratifiedFolds(ReadOnlySpan<bool> labels)
    {
        var random = new SeededRandom(Seed);
        var fold = new int[labels.Length];
        foreach (var label in new[] { false, true })
        {
            var members = new List<int>();
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i] == label)
                {
                    members.Add(i);
                }
            }

            for (var k = members.Count - 1; k > 0; k--)
            {
                var j = (int)random.NextInt64(k + 1);
                (members[k], members[j]) = (members[j], members[k]);
            }

            for (var k = 0; k < members.Count; k++)
            {
                fold[members[k]] = k % Folds;
            }
        }

        return fold;
    }
}
