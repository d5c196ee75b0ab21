using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Statistics;

namespace ModelGates.Tests.Models;

/// <summary>
/// macroPrecision, macroRecall and macroAuc beyond the scikit-learn fixtures (MulticlassMetricOracleTests): macroAuc is
/// the mean of the binary <c>auc</c> of each class against the rest, undefined with a reason naming the class a set
/// lacks, and its bootstrap leaves out the resamples that draw no row of a rare class.
/// </summary>
public sealed class MacroMetricTests
{
    [Fact]
    public void Macro_auc_is_the_mean_of_each_classs_one_vs_rest_binary_auc_with_weights_and_ties()
    {
        var (labels, probabilities, weights) = Tied(seed: 31, n: 400, k: 5);
        var predictions = new MulticlassPredictions(labels, probabilities, weights);

        var expected = Enumerable.Range(0, 5).Average(c =>
        {
            var oneVsRest = new BinaryPredictions(
                [.. labels.Select(l => l == c ? 1 : 0)],
                [.. Enumerable.Range(0, labels.Length).Select(i => probabilities[i, c])],
                weights);
            return new RocAucMetric().Compute(oneVsRest).Value!.Value;
        });

        Assert.Equal(expected, new MacroAucMetric().Compute(predictions).Value!.Value, 1e-12);
    }

    [Fact]
    public void Macro_auc_of_a_set_without_some_class_is_undefined_naming_the_class()
    {
        var predictions = new MulticlassPredictions([0, 1, 0, 1], new[,] { { 0.7, 0.2, 0.1 }, { 0.2, 0.5, 0.3 }, { 0.4, 0.3, 0.3 }, { 0.1, 0.1, 0.8 } });

        var value = new MacroAucMetric().Compute(predictions);

        Assert.False(value.IsDefined);
        Assert.StartsWith("class 2 is no row's label", value.UndefinedReason, StringComparison.Ordinal);

        // Precision and recall stay defined: class 2 is predicted (row 4), so it counts, with precision 0 and recall 0.
        Assert.Equal((1.0 + 1.0 + 0.0) / 3, new MacroPrecisionMetric().Compute(predictions).Value!.Value, 12);
        Assert.Equal((1.0 + 0.5 + 0.0) / 3, new MacroRecallMetric().Compute(predictions).Value!.Value, 12);
    }

    [Fact]
    public void Macro_precision_and_recall_average_over_the_classes_macro_F1_counts()
    {
        // Class 3 is neither a label nor predicted: left out of all three means alike.
        var (labels, probabilities, _) = Tied(seed: 32, n: 300, k: 4, absentClass: 3);
        var predictions = new MulticlassPredictions(labels, probabilities);
        var rows = MulticlassRowCache.Of(predictions).PointRows;
        var present = Enumerable.Range(0, 4).Where(c => rows.TrueWeight(c) > 0 || rows.PredictedWeight(c) > 0).ToList();

        Assert.Equal([0, 1, 2], present);
        var precision = present.Average(c => rows.Confusion[(c * 4) + c] / rows.PredictedWeight(c));
        var recall = present.Average(c => rows.Confusion[(c * 4) + c] / rows.TrueWeight(c));
        Assert.Equal(precision, new MacroPrecisionMetric().Compute(predictions).Value!.Value, 12);
        Assert.Equal(recall, new MacroRecallMetric().Compute(predictions).Value!.Value, 12);
    }

    [Fact]
    public void Bootstrap_resamples_without_a_rare_class_have_no_macro_auc_and_are_counted()
    {
        // Class 2 has 2 rows of 40: (38/40)^40 ≈ 1 in 8 resamples draws neither.
        var labels = Enumerable.Range(0, 40).Select(i => i < 2 ? 2 : i % 2).ToArray();
        var probabilities = new double[40, 3];
        for (var i = 0; i < 40; i++)
        {
            var p2 = i < 2 ? 0.5 : 0.1 + (i / 400.0);
            probabilities[i, 2] = p2;
            probabilities[i, labels[i] == 2 ? 0 : labels[i]] = (1 - p2) * 0.7;
            probabilities[i, labels[i] == 1 ? 0 : 1] = (1 - p2) * 0.3;
        }

        var interval = MetricBootstrap.Estimate(new MulticlassPredictions(labels, probabilities), [new MacroAucMetric(), new MacroRecallMetric()], new BootstrapOptions { Seed = 8 });

        Assert.True(interval[0].Estimate.IsDefined);
        Assert.InRange(interval[0].DefinedResamples, 750, 950);
        Assert.InRange(interval[0].Estimate.Value!.Value, interval[0].Lower!.Value, interval[0].Upper!.Value);
        Assert.Equal(interval[1].Resamples, interval[1].DefinedResamples);
    }

    /// <summary>Probabilities rounded to tenths of a score (ties within and across classes), the true class favoured.</summary>
    private static (int[] Labels, double[,] Probabilities, double[] Weights) Tied(int seed, int n, int k, int absentClass = -1)
    {
        var random = new SeededRandom((ulong)seed);
        var classes = absentClass < 0 ? k : k - 1;
        var labels = new int[n];
        var probabilities = new double[n, k];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = (int)random.NextInt64(classes);
            var row = new double[k];
            for (var c = 0; c < classes; c++)
            {
                row[c] = Math.Round(random.NextDouble() * 5) + (c == labels[i] ? 2 : 0) + 1;
            }

            var sum = row.Sum();
            for (var c = 0; c < k; c++)
            {
                probabilities[i, c] = row[c] / sum;
            }

            weights[i] = 0.25 + random.NextDouble();
        }

        return (labels, probabilities, weights);
    }
}
