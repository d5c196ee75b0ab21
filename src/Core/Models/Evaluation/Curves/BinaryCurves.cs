using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Curves;

/// <summary>The confusion matrix of a binary model at a decision threshold (predicted positive when score ≥ threshold).</summary>
/// <param name="Threshold">The decision threshold.</param>
/// <param name="TruePositive">Positives predicted positive.</param>
/// <param name="FalsePositive">Negatives predicted positive.</param>
/// <param name="TrueNegative">Negatives predicted negative.</param>
/// <param name="FalseNegative">Positives predicted negative.</param>
internal sealed record ConfusionMatrix(double Threshold, double TruePositive, double FalsePositive, double TrueNegative, double FalseNegative);

/// <summary>
/// The curves a reviewer looks at for a binary model: ROC (false positive rate, true positive rate), precision
/// against recall, and reliability (mean predicted probability against observed positive rate in ten equal-width
/// bins). Ties in scores move together, as scikit-learn's roc_curve does; weights count as they do in the metrics.
/// </summary>
internal static class BinaryCurves
{
    /// <summary>ROC points from (0, 0) to (1, 1), one per distinct score.</summary>
    public static IReadOnlyList<(double X, double Y)> Roc(BinaryPredictions predictions)
    {
        var (positives, negatives, steps) = Steps(predictions);
        var points = new List<(double, double)> { (0, 0) };
        foreach (var (tp, fp) in steps)
        {
            points.Add((negatives == 0 ? 0 : fp / negatives, positives == 0 ? 0 : tp / positives));
        }

        return points;
    }

    /// <summary>Precision–recall points, one per distinct score, starting at recall 0 with the first precision.</summary>
    public static IReadOnlyList<(double X, double Y)> PrecisionRecall(BinaryPredictions predictions)
    {
        var (positives, _, steps) = Steps(predictions);
        var points = new List<(double, double)>();
        foreach (var (tp, fp) in steps)
        {
            var precision = tp + fp == 0 ? 1 : tp / (tp + fp);
            if (points.Count == 0)
            {
                points.Add((0, precision));
            }

            points.Add((positives == 0 ? 0 : tp / positives, precision));
        }

        return points;
    }

    /// <summary>
    /// The cumulative gains table behind the gain curve and the KS plot: per distinct score, highest first, the
    /// share of the weight at or above it (the depth), the share of positives there (TPR, the gain) and the share
    /// of negatives (FPR); from (0, 0, 0). Tied scores move together, as in the ROC.
    /// </summary>
    public static IReadOnlyList<(double Depth, double Tpr, double Fpr)> Gains(BinaryPredictions predictions)
    {
        var (positives, negatives, steps) = Steps(predictions);
        var total = positives + negatives;
        var points = new List<(double, double, double)> { (0, 0, 0) };
        foreach (var (tp, fp) in steps)
        {
            points.Add((total == 0 ? 0 : (tp + fp) / total, positives == 0 ? 0 : tp / positives, negatives == 0 ? 0 : fp / negatives));
        }

        return points;
    }

    /// <summary>
    /// At most <paramref name="max"/> evenly spaced points of a gains table, always with the first, the last and
    /// the point of the largest TPR − FPR, so that the KS plot marks the gap the <c>ks</c> metric reports.
    /// </summary>
    public static IReadOnlyList<(double Depth, double Tpr, double Fpr)> ThinGains(IReadOnlyList<(double Depth, double Tpr, double Fpr)> points, int max)
    {
        if (points.Count <= max)
        {
            return points;
        }

        var best = 0;
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Tpr - points[i].Fpr > points[best].Tpr - points[best].Fpr)
            {
                best = i;
            }
        }

        var step = (double)(points.Count - 1) / (max - 2);
        var kept = Enumerable.Range(0, max - 1).Select(i => (int)Math.Round(i * step)).Append(best).Distinct().Order();
        return [.. kept.Select(i => points[i])];
    }

    /// <summary>Reliability: per non-empty bin of predicted probability, (mean predicted, observed rate, weight).</summary>
    public static IReadOnlyList<(double Predicted, double Observed, double Weight)> Calibration(BinaryPredictions predictions, int bins = 10)
    {
        var sums = new double[bins];
        var positives = new double[bins];
        var weights = new double[bins];
        for (var i = 0; i < predictions.Count; i++)
        {
            var score = Math.Clamp(predictions.Scores[i], 0, 1);
            var w = predictions.HasWeights ? predictions.Weights[i] : 1;
            var bin = Math.Min(bins - 1, (int)(score * bins));
            sums[bin] += w * score;
            positives[bin] += w * predictions.Labels[i];
            weights[bin] += w;
        }

        return Enumerable.Range(0, bins).Where(b => weights[b] > 0).Select(b => (sums[b] / weights[b], positives[b] / weights[b], weights[b])).ToList();
    }

    /// <summary>The confusion matrix at <paramref name="threshold"/>.</summary>
    public static ConfusionMatrix Confusion(BinaryPredictions predictions, double threshold)
    {
        double tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            var w = predictions.HasWeights ? predictions.Weights[i] : 1;
            var positive = predictions.Scores[i] >= threshold;
            if (predictions.Labels[i] == 1)
            {
                if (positive)
                {
                    tp += w;
                }
                else
                {
                    fn += w;
                }
            }
            else if (positive)
            {
                fp += w;
            }
            else
            {
                tn += w;
            }
        }

        return new ConfusionMatrix(threshold, tp, fp, tn, fn);
    }

    /// <summary>Cumulative true and false positives after each distinct score, highest score first.</summary>
    private static (double Positives, double Negatives, List<(double Tp, double Fp)> Steps) Steps(BinaryPredictions predictions)
    {
        var order = Enumerable.Range(0, predictions.Count).ToArray();
        var scores = predictions.Scores.ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
        double tp = 0, fp = 0, positives = 0, negatives = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            var w = predictions.HasWeights ? predictions.Weights[i] : 1;
            if (predictions.Labels[i] == 1)
            {
                positives += w;
            }
            else
            {
                negatives += w;
            }
        }

        var steps = new List<(double, double)>();
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var w = predictions.HasWeights ? predictions.Weights[i] : 1;
            if (predictions.Labels[i] == 1)
            {
                tp += w;
            }
            else
            {
                fp += w;
            }

            if (k == order.Length - 1 || scores[order[k + 1]] != scores[i])
            {
                steps.Add((tp, fp));
            }
        }

        return (positives, negatives, steps);
    }
}
