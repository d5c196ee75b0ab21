namespace ModelGates.Tests.Monitoring.Estimation;

/// <summary>
/// Seeded simulated streams for the estimators, and the realized metrics of a window with its labels. A binary
/// stream: a feature x ~ N(shift, 1), the model's score sigmoid(1.5x + 0.3), a label drawn with probability
/// concept(x); the reference's concept is sigmoid(2x - 0.5), so the scores are monotone in the truth but not
/// calibrated. Covariate shift moves x; concept drift changes concept.
/// </summary>
internal static class SimulatedStream
{
    public static readonly Func<double, double> ReferenceConcept = x => Sigmoid((2 * x) - 0.5);

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static (double[] Scores, bool[] Labels) Binary(Random random, int rows, double shift, Func<double, double> concept)
    {
        var scores = new double[rows];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var x = shift + Gaussian(random);
            scores[i] = Sigmoid((1.5 * x) + 0.3);
            labels[i] = random.NextDouble() < concept(x);
        }

        return (scores, labels);
    }

    /// <summary>The realized binary metrics (scikit-learn's definitions, zero_division=0) of a window with its labels.</summary>
    public static IReadOnlyDictionary<string, double> Realized(double[] scores, bool[] labels, double threshold)
    {
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var predicted = scores[i] >= threshold;
            if (predicted && labels[i])
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (labels[i])
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["accuracy"] = (tp + tn) / scores.Length,
            ["precision"] = tp + fp == 0 ? 0 : tp / (tp + fp),
            ["recall"] = tp + fn == 0 ? 0 : tp / (tp + fn),
            ["f1"] = (2 * tp) + fp + fn == 0 ? 0 : 2 * tp / ((2 * tp) + fp + fn),
            ["auc"] = RocAuc(scores, labels),
        };
    }

    /// <summary>The Mann-Whitney AUC, ties counted a half.</summary>
    public static double RocAuc(double[] scores, bool[] labels) =>
        RocAuc(scores, labels, Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray());

    /// <summary>The Mann-Whitney AUC with the rows' ascending score order given (to sort once for many draws).</summary>
    public static double RocAuc(double[] scores, bool[] labels, int[] order)
    {
        double negativesBelow = 0, pairs = 0, positives = 0;
        var k = 0;
        while (k < order.Length)
        {
            var end = k;
            double groupPositives = 0, groupNegatives = 0;
            while (end < order.Length && scores[order[end]] == scores[order[k]])
            {
                if (labels[order[end]])
                {
                    groupPositives++;
                }
                else
                {
                    groupNegatives++;
                }

                end++;
            }

            pairs += groupPositives * (negativesBelow + (groupNegatives / 2));
            negativesBelow += groupNegatives;
            positives += groupPositives;
            k = end;
        }

        return pairs / (positives * negativesBelow);
    }
}
