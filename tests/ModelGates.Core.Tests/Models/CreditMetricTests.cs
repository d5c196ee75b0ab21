using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Statistics;

namespace ModelGates.Tests.Models;

/// <summary>
/// The promises of the credit-risk and calibration metrics that the scikit-learn fixtures do not spell out:
/// ties at the cut of lift and gain, the one spelling of a family's id, the sign of ks, and what the
/// logistic recalibration recovers.
/// </summary>
public sealed class CreditMetricTests
{
    [Fact]
    public void A_tied_block_at_the_cut_counts_pro_rata_whatever_the_row_order()
    {
        // Ten rows of one score, three of them positive: the top 10 % is one row's worth of the block.
        var labels = new[] { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 };
        var reversed = labels.Reverse().ToArray();
        var scores = Enumerable.Repeat(0.4, 10).ToArray();

        foreach (var order in new[] { labels, reversed })
        {
            var predictions = new BinaryPredictions(order, scores);
            Assert.Equal(0.1, new GainMetric(0.1).Compute(predictions).Value!.Value, 15);
            Assert.Equal(1.0, new LiftMetric(0.1).Compute(predictions).Value!.Value, 15);
        }
    }

    [Fact]
    public void The_cut_is_the_exact_fraction_of_rows_not_a_rounded_count()
    {
        // 1005 rows, distinct scores, positives exactly the 101 highest: the top 10 % is 100.5 rows,
        // the 100 highest and half of the 101st, so gain@0.1 = 100.5 / 101.
        var n = 1005;
        var scores = Enumerable.Range(0, n).Select(i => 1.0 - (i / (double)n)).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => i < 101 ? 1 : 0).ToArray();

        var gain = new GainMetric(0.1).Compute(new BinaryPredictions(labels, scores)).Value!.Value;

        Assert.Equal(100.5 / 101, gain, 14);
    }

    [Fact]
    public void Lift_is_the_top_rows_positive_rate_over_the_base_rate()
    {
        var random = new SeededRandom(21);
        var n = 2000;
        var labels = new int[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.15 ? 1 : 0;
            scores[i] = random.NextDouble() + (0.5 * labels[i]);
        }

        var predictions = new BinaryPredictions(labels, scores, scoreKind: BinaryScoreKind.Score);
        var top = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).Take(n / 5).ToList();
        var expected = top.Average(i => (double)labels[i]) / labels.Average();

        Assert.Equal(expected, new LiftMetric(0.2).Compute(predictions).Value!.Value, 12);
        Assert.Equal(expected * 0.2, new GainMetric(0.2).Compute(predictions).Value!.Value, 12);
    }

    [Fact]
    public void Ks_is_signed_so_an_inverted_model_separates_nothing_and_gini_goes_negative()
    {
        var labels = new[] { 0, 0, 0, 1, 1, 1 };
        var good = new BinaryPredictions(labels, [0.1, 0.2, 0.3, 0.7, 0.8, 0.9]);
        var inverted = new BinaryPredictions(labels, [0.9, 0.8, 0.7, 0.3, 0.2, 0.1]);

        Assert.Equal(1.0, new KsSeparationMetric().Compute(good).Value);
        Assert.Equal(0.0, new KsSeparationMetric().Compute(inverted).Value);
        Assert.Equal(1.0, new GiniMetric().Compute(good).Value);
        Assert.Equal(-1.0, new GiniMetric().Compute(inverted).Value);
    }

    [Fact]
    public void Recalibration_recovers_the_slope_and_intercept_the_labels_were_drawn_with()
    {
        // Labels drawn from σ(a + b·logit p): the fits must find a and b within sampling error
        // (the intercept fit fixes the slope at 1, so it is checked on data drawn with b = 1).
        var (slope, _) = Fit(a: 0.3, b: 0.6, seed: 31);
        var (_, intercept) = Fit(a: -0.4, b: 1.0, seed: 32);

        Assert.InRange(slope, 0.57, 0.63);
        Assert.InRange(intercept, -0.43, -0.37);
    }

    [Fact]
    public void Calibration_metrics_need_probabilities_and_say_why_when_undefined()
    {
        var free = new BinaryPredictions([0, 1, 0, 1], [-2.0, 3.0, 0.5, 1.0], scoreKind: BinaryScoreKind.Score);
        var constant = new BinaryPredictions([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3]);
        var separated = new BinaryPredictions([0, 0, 1, 1], [0.1, 0.4, 0.4, 0.8]);

        Assert.Contains("not probabilities", new ExpectedCalibrationErrorMetric().Compute(free).UndefinedReason, StringComparison.Ordinal);
        Assert.Contains("not probabilities", new CalibrationSlopeMetric().Compute(free).UndefinedReason, StringComparison.Ordinal);
        Assert.Contains("same logit", new CalibrationSlopeMetric().Compute(constant).UndefinedReason, StringComparison.Ordinal);
        Assert.Contains("separate the classes", new CalibrationSlopeMetric().Compute(separated).UndefinedReason, StringComparison.Ordinal);

        // With every row at one probability the intercept is still the gap between logit(base rate) and logit(p).
        Assert.Equal(Math.Log(0.5 / 0.5) - Math.Log(0.3 / 0.7), new CalibrationInterceptMetric().Compute(constant).Value!.Value, 12);
    }

    [Theory]
    [InlineData("lift@0.2", "lift@0.2")]
    [InlineData("gain@1", "gain@1")]
    [InlineData("ece@20", "ece@20")]
    [InlineData("eceQuantile@5", "eceQuantile@5")]
    [InlineData("lift@0.1", "lift@0.1")]
    public void Family_members_resolve_to_a_metric_with_the_same_id(string id, string expectedId)
    {
        Assert.Null(MetricRegistry.Problem(ModelTask.Binary, id));
        Assert.Equal(expectedId, MetricRegistry.ResolveBinary(id).Id);
    }

    [Theory]
    [InlineData("lift@0.10", "'lift@0.1'")]
    [InlineData("lift@.5", "'lift@0.5'")]
    [InlineData("gain@1.0", "'gain@1'")]
    [InlineData("lift@0", "above 0 and at most 1")]
    [InlineData("gain@1.5", "above 0 and at most 1")]
    [InlineData("lift@", "needs a fraction")]
    [InlineData("lift@10%", "needs a fraction")]
    [InlineData("lift@-0.1", "needs a fraction")]
    [InlineData("ece@10", "is written 'ece'")]
    [InlineData("eceQuantile@10", "is written 'eceQuantile'")]
    [InlineData("ece@010", "1 to 10000")]
    [InlineData("ece@0", "1 to 10000")]
    [InlineData("ece@20000", "1 to 10000")]
    public void A_malformed_family_member_says_how_to_write_it(string id, string expected)
    {
        var problem = MetricRegistry.Problem(ModelTask.Binary, id);

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        var exception = Assert.Throws<ArgumentException>(() => MetricRegistry.ResolveBinary(id));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Families_are_binary_only_and_ks_is_not_a_drift_test_here()
    {
        Assert.Equal(string.Empty, MetricRegistry.Problem(ModelTask.Regression, "lift@0.1"));
        Assert.Equal(string.Empty, MetricRegistry.Problem(ModelTask.Multiclass, "ks"));
        Assert.IsType<KsSeparationMetric>(MetricRegistry.Resolve(ModelTask.Binary, "ks"));
    }

    private static (double Slope, double Intercept) Fit(double a, double b, ulong seed)
    {
        var random = new SeededRandom(seed);
        var n = 200_000;
        var labels = new int[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            var p = 0.02 + (0.96 * random.NextDouble());
            var truth = 1.0 / (1.0 + Math.Exp(-(a + (b * Math.Log(p / (1 - p))))));
            scores[i] = p;
            labels[i] = random.NextDouble() < truth ? 1 : 0;
        }

        var predictions = new BinaryPredictions(labels, scores);
        return (new CalibrationSlopeMetric().Compute(predictions).Value!.Value, new CalibrationInterceptMetric().Compute(predictions).Value!.Value);
    }
}
