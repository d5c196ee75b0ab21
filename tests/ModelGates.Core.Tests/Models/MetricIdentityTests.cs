using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Statistics;

namespace ModelGates.Tests.Models;

/// <summary>
/// Exact identities: the bootstrap weighs rows by their draw counts instead of materialising the
/// resampled rows, which is only right if a metric with integer weights equals the metric on the
/// rows repeated that many times. AUC is also checked against its pairwise definition.
/// </summary>
public sealed class MetricIdentityTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Binary_metrics_with_count_weights_equal_metrics_on_repeated_rows()
    {
        var random = new SeededRandom(11);
        var n = 400;
        var labels = new int[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.35 ? 1 : 0;
            scores[i] = Math.Round(Math.Clamp(0.3 + (0.3 * labels[i]) + (0.25 * random.NextGaussian()), 0, 1), 2);
        }

        var counts = new int[n];
        ResampleStreams.DrawCounts(5, 3, counts);
        var weighted = new BinaryPredictions(labels, scores, [.. counts.Select(c => (double)c)]);
        var repeated = new BinaryPredictions(Repeat(labels, counts), Repeat(scores, counts));
        var plain = new BinaryPredictions(labels, scores);

        // Family members too: the cut of lift and gain and the percentile edges of eceQuantile move with the counts.
        IReadOnlyList<BinaryMetric> metrics = [.. MetricRegistry.AllBinary(), .. new[] { "lift@0.37", "gain@0.05", "ece@7", "eceQuantile@7" }.Select(id => MetricRegistry.ResolveBinary(id))];
        var evaluator = new BinaryResampleEvaluator(plain, metrics).CreateWorker();
        var fromCounts = new double[metrics.Count];
        evaluator.Evaluate(counts, fromCounts);

        for (var m = 0; m < metrics.Count; m++)
        {
            var expected = metrics[m].Compute(repeated).Value!.Value;
            Assert.Equal(expected, metrics[m].Compute(weighted).Value!.Value, Tolerance);
            Assert.Equal(expected, fromCounts[m], Tolerance);
        }
    }

    [Fact]
    public void Multiclass_metrics_with_count_weights_equal_metrics_on_repeated_rows()
    {
        var random = new SeededRandom(12);
        var n = 300;
        var k = 4;
        var labels = new int[n];
        var probabilities = new double[n, k];
        for (var i = 0; i < n; i++)
        {
            labels[i] = (int)random.NextInt64(k);
            var row = new double[k];
            for (var c = 0; c < k; c++)
            {
                row[c] = Math.Round(random.NextDouble() * 4) + (c == labels[i] ? 1 : 0);
            }

            var sum = row.Sum();
            for (var c = 0; c < k; c++)
            {
                probabilities[i, c] = row[c] / sum;
            }
        }

        var counts = new int[n];
        ResampleStreams.DrawCounts(6, 0, counts);
        var repeatedRows = counts.SelectMany((count, row) => Enumerable.Repeat(row, count)).ToArray();
        var repeatedProbabilities = new double[repeatedRows.Length, k];
        for (var i = 0; i < repeatedRows.Length; i++)
        {
            for (var c = 0; c < k; c++)
            {
                repeatedProbabilities[i, c] = probabilities[repeatedRows[i], c];
            }
        }

        var weighted = new MulticlassPredictions(labels, probabilities, [.. counts.Select(c => (double)c)]);
        var repeated = new MulticlassPredictions(Repeat(labels, counts), repeatedProbabilities);
        foreach (var metric in MetricRegistry.AllMulticlass(k, new MetricSettings { TopK = 2 }))
        {
            Assert.Equal(metric.Compute(repeated).Value!.Value, metric.Compute(weighted).Value!.Value, Tolerance);
        }
    }

    [Fact]
    public void Regression_metrics_with_count_weights_equal_metrics_on_repeated_rows()
    {
        var random = new SeededRandom(13);
        var n = 200;
        var labels = new double[n];
        var predicted = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = Math.Round(5 + (2 * random.NextGaussian()), 1);
            predicted[i] = labels[i] + random.NextGaussian();
        }

        var counts = new int[n];
        ResampleStreams.DrawCounts(7, 1, counts);
        var weighted = new RegressionPredictions(labels, predicted, [.. counts.Select(c => (double)c)]);
        var repeated = new RegressionPredictions(Repeat(labels, counts), Repeat(predicted, counts));
        foreach (var metric in MetricRegistry.AllRegression())
        {
            Assert.Equal(metric.Compute(repeated).Value!.Value, metric.Compute(weighted).Value!.Value, 1e-9);
        }
    }

    [Fact]
    public void Auc_equals_the_share_of_correctly_ordered_pairs_with_ties_counting_half()
    {
        var random = new SeededRandom(14);
        var n = 500;
        var labels = new int[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.4 ? 1 : 0;
            scores[i] = Math.Round(random.NextDouble() + (0.3 * labels[i]), 1) / 1.3;
        }

        double ordered = 0, pairs = 0;
        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                if (labels[p] == 1 && labels[q] == 0)
                {
                    pairs++;
                    ordered += scores[p] > scores[q] ? 1.0 : scores[p] == scores[q] ? 0.5 : 0.0;
                }
            }
        }

        var auc = new RocAucMetric().Compute(new BinaryPredictions(labels, scores, scoreKind: BinaryScoreKind.Score));

        Assert.Equal(ordered / pairs, auc.Value!.Value, Tolerance);
    }

    [Fact]
    public void Resample_counts_sum_to_the_row_count_and_depend_only_on_seed_and_index()
    {
        var first = new int[1000];
        var again = new int[1000];
        var other = new int[1000];
        ResampleStreams.DrawCounts(42, 17, first);
        ResampleStreams.DrawCounts(42, 17, again);
        ResampleStreams.DrawCounts(42, 18, other);

        Assert.Equal(1000, first.Sum());
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);

        // A multinomial(n, 1/n) resample leaves about 1/e of the rows out.
        var share = first.Count(c => c == 0) / 1000.0;
        Assert.InRange(share, 0.32, 0.42);
    }

    private static T[] Repeat<T>(T[] values, int[] counts) =>
        [.. values.SelectMany((value, row) => Enumerable.Repeat(value, counts[row]))];
}
