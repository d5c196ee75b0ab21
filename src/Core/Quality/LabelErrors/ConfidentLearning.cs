namespace ModelGates.Quality.LabelErrors;

/// <summary>
/// Confident learning (Northcutt, Jiang and Chuang, JAIR 2021) as cleanlab computes it with
/// <c>find_label_issues(filter_by="prune_by_noise_rate", return_indices_ranked_by="self_confidence")</c>:
/// per-class thresholds, the calibrated confident joint, pruning by noise rate, ranking by self-confidence.
/// Each step mirrors cleanlab's function of the same name (count.py, filter.py) and is checked against
/// eng/oracles/label_error_oracles.py; the one deliberate difference is that ties sort stably (row order).
/// </summary>
internal static class ConfidentLearning
{
    /// <summary>cleanlab's <c>FLOATING_POINT_COMPARISON</c>.</summary>
    internal const double FloatingPointComparison = 1e-6;

    private const double ThresholdLowerBound = 2 * FloatingPointComparison;
    private const double TinyValue = 1e-100;

    // A class no row is labelled with gets a threshold no probability reaches (cleanlab's BIG_VALUE).
    private const double UnusedClassThreshold = 2.0;

    /// <summary>Runs every step on out-of-fold probabilities.</summary>
    /// <param name="labels">The given label of each row, 0 to K-1.</param>
    /// <param name="probabilities">Out-of-fold probabilities, one row per row and one column per class.</param>
    public static ConfidentLearningResult Run(IReadOnlyList<int> labels, double[,] probabilities)
    {
        var thresholds = Thresholds(labels, probabilities);
        var raw = RawConfidentJoint(labels, probabilities, thresholds);
        var joint = Calibrate(raw, labels);
        var prune = KeepAtLeastOnePerClass(Transpose(joint));
        var mask = PruneByNoiseRate(labels, probabilities, prune);
        return new ConfidentLearningResult(thresholds, raw, joint, prune, RankBySelfConfidence(labels, probabilities, mask));
    }

    /// <summary>Per class, the mean probability of that class over the rows labelled with it (<c>get_confident_thresholds</c>).</summary>
    public static double[] Thresholds(IReadOnlyList<int> labels, double[,] probabilities)
    {
        var k = probabilities.GetLength(1);
        var thresholds = new double[k];
        for (var c = 0; c < k; c++)
        {
            var mine = new List<double>();
            for (var i = 0; i < labels.Count; i++)
            {
                if (labels[i] == c)
                {
                    mine.Add(probabilities[i, c]);
                }
            }

            var threshold = mine.Count == 0 ? UnusedClassThreshold : NumpyArithmetic.Sum(mine.ToArray()) / mine.Count;
            thresholds[c] = Math.Max(threshold, ThresholdLowerBound);
        }

        return thresholds;
    }

    /// <summary>
    /// Counts rows by given label and confidently guessed true label (<c>compute_confident_joint</c> before
    /// calibration): a class is confident when its probability reaches its threshold; of several, the most probable.
    /// Rows confident of no class are not counted. The diagonal is at least 1.
    /// </summary>
    public static long[,] RawConfidentJoint(IReadOnlyList<int> labels, double[,] probabilities, IReadOnlyList<double> thresholds)
    {
        var k = probabilities.GetLength(1);
        var joint = new long[k, k];
        var row = new double[k];
        for (var i = 0; i < labels.Count; i++)
        {
            var confident = 0;
            var firstConfident = -1;
            for (var c = 0; c < k; c++)
            {
                row[c] = probabilities[i, c];
                if (row[c] >= thresholds[c] - 1e-6)
                {
                    confident++;
                    firstConfident = firstConfident < 0 ? c : firstConfident;
                }
            }

            if (confident > 0)
            {
                joint[labels[i], confident > 1 ? NumpyArithmetic.ArgMax(row) : firstConfident]++;
            }
        }

        for (var c = 0; c < k; c++)
        {
            joint[c, c] = Math.Max(joint[c, c], 1);
        }

        return joint;
    }

    /// <summary>
    /// Rescales each row to the count of its given label and the whole to the number of rows, then rounds each row
    /// keeping its total (<c>calibrate_confident_joint</c>).
    /// </summary>
    public static long[,] Calibrate(long[,] joint, IReadOnlyList<int> labels)
    {
        var k = joint.GetLength(0);
        var counts = new long[k];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var scaled = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            long rowSum = 0;
            for (var j = 0; j < k; j++)
            {
                rowSum += joint[i, j];
            }

            for (var j = 0; j < k; j++)
            {
                scaled[(i * k) + j] = joint[i, j] / Math.Max(rowSum, TinyValue) * counts[i];
            }
        }

        var total = Math.Max(NumpyArithmetic.Sum(scaled), TinyValue);
        double n = counts.Sum();
        for (var x = 0; x < scaled.Length; x++)
        {
            scaled[x] = scaled[x] / total * n;
        }

        var calibrated = new long[k, k];
        for (var i = 0; i < k; i++)
        {
            var rounded = NumpyArithmetic.RoundPreservingSum(scaled.AsSpan(i * k, k));
            for (var j = 0; j < k; j++)
            {
                calibrated[i, j] = rounded[j];
            }
        }

        return calibrated;
    }

    /// <summary>
    /// The prune counts (<c>_keep_at_least_n_per_class</c> with n = 1, frac_noise = 1) of the transposed joint:
    /// each column's diagonal raised to at least 1, taken evenly from that column's other non-zero counts, and truncated.
    /// </summary>
    public static long[,] KeepAtLeastOnePerClass(long[,] transposed)
    {
        var k = transposed.GetLength(0);
        var result = new long[k, k];
        for (var j = 0; j < k; j++)
        {
            var diagonal = transposed[j, j];
            var raised = Math.Max(diagonal, 1);
            long nonZero = 0;
            for (var i = 0; i < k; i++)
            {
                nonZero += transposed[i, j] != 0 ? 1 : 0;
            }

            var share = (raised - diagonal) / Math.Max(nonZero - 1.0, 1.0);
            for (var i = 0; i < k; i++)
            {
                // cleanlab's final astype(int) truncates; the values are never negative.
                result[i, j] = i == j ? raised : (long)Math.Max(transposed[i, j] - share, 0.0);
            }
        }

        return result;
    }

    /// <summary>
    /// Flags rows by noise rate (<c>_prune_by_count</c>, then <c>_reduce_issues</c>): for given class k and every other
    /// class j, the prune count's rows labelled k with the largest margin p(j) - p(k); a row whose given label is
    /// (within 1e-6) its most probable class is never flagged.
    /// </summary>
    public static bool[] PruneByNoiseRate(IReadOnlyList<int> labels, double[,] probabilities, long[,] prune)
    {
        var k = probabilities.GetLength(1);
        var flagged = new bool[labels.Count];
        for (var given = 0; given < k; given++)
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == given).ToArray();

            // cleanlab leaves a class of one row (min_examples_per_class = 1) unpruned.
            if (rows.Length <= 1)
            {
                continue;
            }

            for (var other = 0; other < k; other++)
            {
                var count = prune[other, given];
                if (other == given || count <= 0)
                {
                    continue;
                }

                var negativeMargins = rows.Select(i => -(probabilities[i, other] - probabilities[i, given])).ToArray();
                foreach (var position in NumpyArithmetic.StableArgsort(negativeMargins).Take((int)Math.Min(count, rows.Length)))
                {
                    flagged[rows[position]] = true;
                }
            }
        }

        var row = new double[k];
        for (var i = 0; i < labels.Count; i++)
        {
            for (var c = 0; c < k; c++)
            {
                row[c] = probabilities[i, c];
            }

            row[labels[i]] += FloatingPointComparison;
            if (NumpyArithmetic.ArgMax(row) == labels[i])
            {
                flagged[i] = false;
            }
        }

        return flagged;
    }

    /// <summary>The flagged rows ordered by self-confidence (the probability of the given label), lowest first.</summary>
    public static int[] RankBySelfConfidence(IReadOnlyList<int> labels, double[,] probabilities, bool[] flagged)
    {
        var rows = Enumerable.Range(0, labels.Count).Where(i => flagged[i]).ToArray();
        var confidence = rows.Select(i => probabilities[i, labels[i]]).ToArray();
        return [.. NumpyArithmetic.StableArgsort(confidence).Select(p => rows[p])];
    }

    private static long[,] Transpose(long[,] matrix)
    {
        var k = matrix.GetLength(0);
        var result = new long[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                result[j, i] = matrix[i, j];
            }
        }

        return result;
    }
}

/// <summary>What confident learning computed, step by step.</summary>
/// <param name="Thresholds">Per class, the confident threshold.</param>
/// <param name="RawConfidentJoint">Given label by guessed true label, before calibration.</param>
/// <param name="ConfidentJoint">The calibrated confident joint (rows: given label; columns: guessed true label).</param>
/// <param name="PruneCounts">Per (guessed true, given) pair, how many rows of the given class to flag.</param>
/// <param name="Issues">The flagged rows, lowest self-confidence first.</param>
internal sealed record ConfidentLearningResult(
    IReadOnlyList<double> Thresholds, long[,] RawConfidentJoint, long[,] ConfidentJoint, long[,] PruneCounts, IReadOnlyList<int> Issues);
