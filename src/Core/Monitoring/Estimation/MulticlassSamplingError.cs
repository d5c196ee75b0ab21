using ModelGates.Statistics;

namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// The standard errors of a multiclass window's macro precision, recall, F1 and AUC, by a seeded parametric bootstrap:
/// each draw gives every row a label from its calibrated distribution over the classes (what CBPE assumes the labels
/// are), the draw's realized macro metrics are computed (the window's predicted classes and model probabilities stay),
/// and the standard deviation over draws is the error. The classes' counts are drawn together, so their correlation
/// (a row that is one class is not another) is in the band; there is no closed form for a macro mean of ratios. Windows
/// beyond <see cref="ExpectedRocAuc.MaximumBootstrapRows"/> rows are drawn on that many evenly spaced rows and the
/// errors scaled by √(taken / rows), as for the binary AUC.
/// </summary>
internal sealed record MulticlassSamplingError(double MacroPrecision, double MacroRecall, double MacroF1, double MacroAuc)
{
    /// <summary>Fixed, so a window gives the same band every run.</summary>
    private const ulong Seed = 0x4D47_4D43_4250UL;

    /// <summary>The errors of a window from its model probabilities and their calibrated ones (both row-major n × K).</summary>
    public static MulticlassSamplingError Of(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> calibrated, int classCount)
    {
        var k = classCount;
        var rows = probabilities.Length / k;
        var taken = Math.Min(rows, ExpectedRocAuc.MaximumBootstrapRows);
        var model = new double[taken * k];
        var p = new double[taken * k];
        for (var t = 0; t < taken; t++)
        {
            var i = (int)((long)t * rows / taken);
            probabilities.Slice(i * k, k).CopyTo(model.AsSpan(t * k, k));
            calibrated.Slice(i * k, k).CopyTo(p.AsSpan(t * k, k));
        }

        var predicted = MulticlassExpectation.PredictedClasses(model, k);
        var predictedCount = new double[k];
        foreach (var c in predicted)
        {
            predictedCount[c]++;
        }

        var orders = new (int[] Order, int[] Ends)[k];
        for (var c = 0; c < k; c++)
        {
            orders[c] = Ranking(model, k, c);
        }

        var random = new SeededRandom(Seed);
        var labels = new int[taken];
        var precision = new List<double>(ExpectedRocAuc.Replicates);
        var recall = new List<double>(ExpectedRocAuc.Replicates);
        var f1 = new List<double>(ExpectedRocAuc.Replicates);
        var auc = new List<double>(ExpectedRocAuc.Replicates);
        var truePositive = new double[k];
        var actual = new double[k];
        for (var r = 0; r < ExpectedRocAuc.Replicates; r++)
        {
            Array.Clear(truePositive);
            Array.Clear(actual);
            for (var t = 0; t < taken; t++)
            {
                labels[t] = Draw(random.NextDouble(), p.AsSpan(t * k, k));
                actual[labels[t]]++;
                truePositive[labels[t]] += predicted[t] == labels[t] ? 1 : 0;
            }

            double sp = 0, sr = 0, sf = 0;
            for (var c = 0; c < k; c++)
            {
                sp += predictedCount[c] > 0 ? truePositive[c] / predictedCount[c] : 0;
                sr += actual[c] > 0 ? truePositive[c] / actual[c] : 0;
                sf += predictedCount[c] + actual[c] > 0 ? 2 * truePositive[c] / (predictedCount[c] + actual[c]) : 0;
            }

            precision.Add(sp / k);
            recall.Add(sr / k);
            f1.Add(sf / k);
            var sa = 0.0;
            for (var c = 0; c < k && !double.IsNaN(sa); c++)
            {
                sa += RealizedAuc(orders[c].Order, orders[c].Ends, labels, c);
            }

            if (!double.IsNaN(sa))
            {
                auc.Add(sa / k);
            }
        }

        var scale = Math.Sqrt((double)taken / rows);
        return new MulticlassSamplingError(Deviation(precision) * scale, Deviation(recall) * scale, Deviation(f1) * scale, Deviation(auc) * scale);
    }

    // The class whose cumulative probability first passes u; the last class takes what rounding leaves.
    private static int Draw(double u, ReadOnlySpan<double> row)
    {
        var cumulative = 0.0;
        for (var c = 0; c < row.Length - 1; c++)
        {
            cumulative += row[c];
            if (u < cumulative)
            {
                return c;
            }
        }

        return row.Length - 1;
    }

    // Rows by descending model probability of the class (ties by row), and the end of each run of equal values.
    private static (int[] Order, int[] Ends) Ranking(double[] model, int k, int c)
    {
        var n = model.Length / k;
        var keys = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = -model[(i * k) + c];
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ends = new List<int>();
        for (var t = 1; t <= n; t++)
        {
            if (t == n || keys[t] != keys[t - 1])
            {
                ends.Add(t);
            }
        }

        return (order, [.. ends]);
    }

    // The one-vs-rest AUC of a draw: each negative counts the positives ranked above it, ties a half; NaN without both.
    private static double RealizedAuc(int[] order, int[] ends, int[] labels, int c)
    {
        double positives = 0, negatives = 0, pairs = 0;
        var start = 0;
        foreach (var end in ends)
        {
            double groupPositives = 0, groupNegatives = 0;
            for (var t = start; t < end; t++)
            {
                if (labels[order[t]] == c)
                {
                    groupPositives++;
                }
                else
                {
                    groupNegatives++;
                }
            }

            pairs += groupNegatives * (positives + (groupPositives / 2));
            positives += groupPositives;
            negatives += groupNegatives;
            start = end;
        }

        return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : double.NaN;
    }

    private static double Deviation(List<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        var squares = values.Sum(v => (v - mean) * (v - mean));
        return Math.Sqrt(squares / (values.Count - 1));
    }
}
