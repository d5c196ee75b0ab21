namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// Isotonic regression of a binary label on a score, as scikit-learn's
/// <c>IsotonicRegression(increasing=True, out_of_bounds='clip')</c>: tied scores are merged into one point
/// weighted by their count, the pool-adjacent-violators algorithm makes the means non-decreasing, and a score is
/// mapped by linear interpolation between the fitted points, clipped to the fitted range.
/// </summary>
internal sealed class IsotonicCalibrator
{
    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicCalibrator(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    /// <summary>The number of distinct scores the fit interpolates between.</summary>
    public int PointCount => _x.Length;

    /// <summary>Fits the calibrator; <paramref name="scores"/> must be finite and non-empty.</summary>
    public static IsotonicCalibrator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length == 0 || scores.Length != labels.Length)
        {
            throw new ArgumentException("Isotonic calibration needs as many labels as scores, and at least one.", nameof(labels));
        }

        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);

        // Merge tied scores: one point per distinct score, its mean label weighted by the count.
        var x = new List<double>(keys.Length);
        var sums = new List<double>(keys.Length);
        var weights = new List<double>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var label = labels[order[i]] ? 1.0 : 0.0;
            if (x.Count > 0 && keys[i] == x[^1])
            {
                sums[^1] += label;
                weights[^1] += 1;
            }
            else
            {
                x.Add(keys[i]);
                sums.Add(label);
                weights.Add(1);
            }
        }

        return new IsotonicCalibrator([.. x], Pool(sums, weights));
    }

    /// <summary>The calibrated probability of one score.</summary>
    public double Calibrate(double score)
    {
        if (score <= _x[0])
        {
            return _y[0];
        }

        if (score >= _x[^1])
        {
            return _y[^1];
        }

        var index = Array.BinarySearch(_x, score);
        if (index >= 0)
        {
            return _y[index];
        }

        var right = ~index;
        var left = right - 1;
        var slope = (_y[right] - _y[left]) / (_x[right] - _x[left]);
        return _y[left] + (slope * (score - _x[left]));
    }

    /// <summary>The calibrated probabilities of many scores.</summary>
    public double[] Calibrate(ReadOnlySpan<double> scores)
    {
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = Calibrate(scores[i]);
        }

        return result;
    }

    // Pool adjacent violators over weighted points: a block merges into its predecessor while its mean is not above it.
    // Blocks keep sums, not means, so a merged block's value is one division, as in scikit-learn.
    private static double[] Pool(List<double> sums, List<double> weights)
    {
        var count = sums.Count;
        var blockSum = new double[count];
        var blockWeight = new double[count];
        var blockEnd = new int[count];
        var blocks = 0;
        for (var i = 0; i < count; i++)
        {
            blockSum[blocks] = sums[i];
            blockWeight[blocks] = weights[i];
            blockEnd[blocks] = i;
            blocks++;
            while (blocks > 1 && blockSum[blocks - 2] / blockWeight[blocks - 2] >= blockSum[blocks - 1] / blockWeight[blocks - 1])
            {
                blockSum[blocks - 2] += blockSum[blocks - 1];
                blockWeight[blocks - 2] += blockWeight[blocks - 1];
                blockEnd[blocks - 2] = blockEnd[blocks - 1];
                blocks--;
            }
        }

        var fitted = new double[count];
        var start = 0;
        for (var b = 0; b < blocks; b++)
        {
            var mean = blockSum[b] / blockWeight[b];
            for (var i = start; i <= blockEnd[b]; i++)
            {
                fitted[i] = mean;
            }

            start = blockEnd[b] + 1;
        }

        return fitted;
    }
}
