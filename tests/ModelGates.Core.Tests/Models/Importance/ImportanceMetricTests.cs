using ModelGates.Models.Evaluation;
using ModelGates.Models.Importance;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Tests.Models.Importance;

/// <summary>
/// The intervals weigh each row by how often a resample drew it instead of copying the drawn rows and sorting
/// them again: the metric must be the one of the drawn rows themselves.
/// </summary>
public sealed class ImportanceMetricTests
{
    private const int Rows = 300;

    [Theory]
    [InlineData("auc")]
    [InlineData("logLoss")]
    [InlineData("f1")]
    public void A_binary_resample_weighed_by_draw_counts_has_the_metric_of_the_drawn_rows(string id)
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, Rows).Select(_ => random.Next(2)).ToArray();

        // Rounded scores, so that many rows tie, as a tree ensemble's do.
        var outputs = labels.Select(l => Math.Round(Math.Clamp((0.3 * l) + (0.7 * random.NextDouble()), 0, 1), 2)).ToArray();
        var set = new BinaryPredictionSet(new BinaryPredictions(labels, outputs), MetricSettings.Default);
        var metric = ImportanceMetric.For(set, id);
        var resampled = MeasureResamples(metric, outputs);
        foreach (var (drawn, value) in resampled)
        {
            var expected = MetricRegistry.ResolveBinary(id, MetricSettings.Default)
                .Compute(new BinaryPredictions([.. drawn.Select(i => labels[i])], [.. drawn.Select(i => outputs[i])])).Value ?? double.NaN;
            Assert.Equal(expected, value, 12);
        }
    }

    [Fact]
    public void A_multiclass_resample_weighed_by_draw_counts_has_the_macro_f1_of_the_drawn_rows()
    {
        const int classes = 3;
        var random = new Random(6);
        var labels = Enumerable.Range(0, Rows).Select(_ => random.Next(classes)).ToArray();
        var probabilities = new double[Rows, classes];
        var outputs = new double[Rows * classes];
        for (var i = 0; i < Rows; i++)
        {
            var raw = Enumerable.Range(0, classes).Select(c => random.NextDouble() + (c == labels[i] ? 0.6 : 0)).ToArray();
            for (var c = 0; c < classes; c++)
            {
                probabilities[i, c] = raw[c] / raw.Sum();
                outputs[(i * classes) + c] = probabilities[i, c];
            }
        }

        var set = new MulticlassPredictionSet(new MulticlassPredictions(labels, probabilities), ["a", "b", "c"], MetricSettings.Default);
        var metric = ImportanceMetric.For(set, "macroF1");
        foreach (var (drawn, value) in MeasureResamples(metric, outputs))
        {
            var picked = new double[drawn.Length, classes];
            for (var i = 0; i < drawn.Length; i++)
            {
                for (var c = 0; c < classes; c++)
                {
                    picked[i, c] = probabilities[drawn[i], c];
                }
            }

            var expected = MetricRegistry.ResolveMulticlass("macroF1", MetricSettings.Default)
                .Compute(new MulticlassPredictions([.. drawn.Select(i => labels[i])], picked)).Value ?? double.NaN;
            Assert.Equal(expected, value, 12);
        }
    }

    [Theory]
    [InlineData("r2")]
    [InlineData("rmse")]
    public void A_regression_resample_weighed_by_draw_counts_has_the_metric_of_the_drawn_rows(string id)
    {
        var random = new Random(7);
        var labels = Enumerable.Range(0, Rows).Select(_ => random.NextDouble() * 10).ToArray();
        var outputs = labels.Select(l => l + random.NextDouble() - 0.5).ToArray();
        var set = new RegressionPredictionSet(new RegressionPredictions(labels, outputs));
        var metric = ImportanceMetric.For(set, id);
        foreach (var (drawn, value) in MeasureResamples(metric, outputs))
        {
            var expected = MetricRegistry.ResolveRegression(id)
                .Compute(new RegressionPredictions([.. drawn.Select(i => labels[i])], [.. drawn.Select(i => outputs[i])])).Value ?? double.NaN;
            Assert.Equal(expected, value, 10);
        }
    }

    /// <summary>The rows each of a few resamples drew (from their counts) and the metric the worker measured on it.</summary>
    private static List<(int[] Drawn, double Value)> MeasureResamples(ImportanceMetric metric, double[] outputs)
    {
        var (_, worker) = metric.Measure(outputs);
        var measured = new List<(int[], double)>();
        var value = new double[1];
        foreach (var counts in ColumnShuffle.Resamples(seed: 3, count: 12, Rows))
        {
            Assert.Equal(Rows, counts.Sum());
            worker.Evaluate(counts, value);
            var drawn = Enumerable.Range(0, Rows).SelectMany(i => Enumerable.Repeat(i, counts[i])).ToArray();
            measured.Add((drawn, value[0]));
        }

        Assert.Contains(measured, m => !double.IsNaN(m.Item2));
        return measured;
    }
}
