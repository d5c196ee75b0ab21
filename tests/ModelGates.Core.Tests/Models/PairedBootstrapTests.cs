using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Tests.Models;

public sealed class PairedBootstrapTests
{
    [Fact]
    public void A_real_regression_is_significant_for_auc_and_log_loss()
    {
        // The challenger sees the signal through three times the noise.
        var (challenger, baseline) = SimulatedPredictions.TwoModels(21, 3000, challengerNoise: 1.2, baselineNoise: 0.4);
        var comparisons = PairedBootstrap.Compare(
            challenger,
            baseline,
            [new RocAucMetric(), new BinaryLogLossMetric()],
            new BootstrapOptions { Seed = 1 });

        var auc = comparisons[0];
        Assert.True(auc.Difference < -0.03, $"simulated AUC drop is {auc.Difference}");
        Assert.True(auc.RegressionIsSignificant);
        Assert.True(auc.PValue < 0.01);
        Assert.True(auc.DifferenceUpper < 0);
        Assert.Equal(1000, auc.DefinedResamples);

        // Lower is better for log loss: the challenger's is higher, and that is the regression.
        var logLoss = comparisons[1];
        Assert.True(logLoss.Difference > 0);
        Assert.True(logLoss.RegressionIsSignificant);
        Assert.True(logLoss.DifferenceLower > 0);
    }

    [Fact]
    public void An_improvement_is_not_a_regression()
    {
        var (challenger, baseline) = SimulatedPredictions.TwoModels(22, 3000, challengerNoise: 0.4, baselineNoise: 1.2);
        var auc = PairedBootstrap.Compare(challenger, baseline, [new RocAucMetric()], new BootstrapOptions { Seed = 2 })[0];

        Assert.True(auc.Difference > 0);
        Assert.False(auc.RegressionIsSignificant);
        Assert.True(auc.PValue > 0.99);
    }

    [Fact]
    public void Noise_on_a_small_holdout_is_rarely_flagged()
    {
        // Equally good models on 200 noisy rows: a 5 % test should flag about 1 in 20.
        const int holdouts = 40;
        var flagged = 0;
        for (var h = 0; h < holdouts; h++)
        {
            var (challenger, baseline) = SimulatedPredictions.TwoModels((ulong)(500 + h), 200, 0.8, 0.8);
            var auc = PairedBootstrap.Compare(challenger, baseline, [new RocAucMetric()], new BootstrapOptions { Seed = (ulong)h, Resamples = 500 })[0];
            if (auc.RegressionIsSignificant)
            {
                flagged++;
            }
        }

        Assert.InRange(flagged, 0, 6);
    }

    [Fact]
    public void Identical_models_differ_by_exactly_zero()
    {
        var (_, baseline) = SimulatedPredictions.TwoModels(23, 300, 0.5, 0.5);
        var copy = new BinaryPredictions(baseline.Labels.ToArray(), baseline.Scores.ToArray());
        var comparisons = PairedBootstrap.Compare(copy, baseline, MetricRegistry.AllBinary(), new BootstrapOptions { Seed = 3, Resamples = 200 });

        Assert.All(comparisons, c =>
        {
            Assert.Equal(0.0, c.Difference);
            Assert.Equal(0.0, c.DifferenceLower);
            Assert.Equal(0.0, c.DifferenceUpper);
            Assert.Equal(1.0, c.PValue);
            Assert.False(c.RegressionIsSignificant);
        });
    }

    [Fact]
    public void A_regression_within_the_allowed_degradation_is_not_significant()
    {
        var (challenger, baseline) = SimulatedPredictions.TwoModels(21, 3000, challengerNoise: 1.2, baselineNoise: 0.4);
        var options = new BootstrapOptions { Seed = 1 };
        var strict = PairedBootstrap.Compare(challenger, baseline, [new RocAucMetric()], options)[0];
        var tolerant = PairedBootstrap.Compare(
            challenger,
            baseline,
            [new RocAucMetric()],
            options,
            new Dictionary<string, double> { ["auc"] = 0.2 })[0];

        Assert.True(strict.RegressionIsSignificant);
        Assert.False(tolerant.RegressionIsSignificant);
        Assert.Equal(0.2, tolerant.AllowedDegradation);
        Assert.Equal(strict.DifferenceLower, tolerant.DifferenceLower);
    }

    [Fact]
    public void Paired_results_do_not_depend_on_the_thread_count()
    {
        var (challenger, baseline) = SimulatedPredictions.TwoModels(24, 800, 0.7, 0.6);
        var one = PairedBootstrap.Compare(challenger, baseline, MetricRegistry.AllBinary(), new BootstrapOptions { Seed = 7, Resamples = 300, MaxDegreeOfParallelism = 1 });
        var many = PairedBootstrap.Compare(challenger, baseline, MetricRegistry.AllBinary(), new BootstrapOptions { Seed = 7, Resamples = 300, MaxDegreeOfParallelism = 3 });

        Assert.Equal(one, many);
    }

    [Fact]
    public void Both_models_see_the_same_resampled_rows()
    {
        // Each model's own bootstrap with the same seed draws the same rows as the pair does, so
        // the paired difference of resample r is the difference of the single-model resample r.
        var (challenger, baseline) = SimulatedPredictions.TwoModels(25, 500, 0.9, 0.5);
        var options = new BootstrapOptions { Seed = 11, Resamples = 1 };
        var metrics = new BinaryMetric[] { new RocAucMetric() };
        var pair = PairedBootstrap.Compare(challenger, baseline, metrics, options)[0];
        var alone = MetricBootstrap.Estimate(challenger, metrics, options)[0].Lower!.Value
            - MetricBootstrap.Estimate(baseline, metrics, options)[0].Lower!.Value;

        Assert.Equal(alone, pair.DifferenceLower!.Value, 15);
    }

    [Fact]
    public void Models_scored_on_different_rows_are_rejected()
    {
        var a = new BinaryPredictions([0, 1, 1], [0.1, 0.8, 0.6]);
        var shorter = new BinaryPredictions([0, 1], [0.1, 0.8]);
        var otherLabels = new BinaryPredictions([0, 0, 1], [0.1, 0.8, 0.6]);
        var weighted = new BinaryPredictions([0, 1, 1], [0.1, 0.8, 0.6], [1, 2, 1]);
        BinaryMetric[] metrics = [new RocAucMetric()];

        Assert.Contains("3 rows and the baseline 2", Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(a, shorter, metrics)).Message, StringComparison.Ordinal);
        Assert.Contains("differ at index 1", Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(a, otherLabels, metrics)).Message, StringComparison.Ordinal);
        Assert.Contains("sample weights differ", Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(a, weighted, metrics)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(a, a, metrics, allowedDegradation: new Dictionary<string, double> { ["f1"] = 0.1 }));
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(a, a, metrics, allowedDegradation: new Dictionary<string, double> { ["auc"] = -0.1 }));
    }

    [Fact]
    public void Multiclass_and_regression_pairs_detect_a_worse_challenger()
    {
        var good = MetricOracle.Multiclass(MetricOracle.Case("multiclass", "all_correct"));
        var bad = MetricOracle.Multiclass(MetricOracle.Case("multiclass", "one_hot_probabilities_some_wrong"));
        var regressionOracle = MetricOracle.Case("regression", "random");
        var truth = MetricOracle.Regression(regressionOracle);
        var perfect = new RegressionPredictions(truth.Labels.ToArray(), truth.Labels.ToArray());

        var multiclass = PairedBootstrap.Compare(bad, good, [new MulticlassAccuracyMetric()], new BootstrapOptions { Seed = 1, Resamples = 300 })[0];
        var regression = PairedBootstrap.Compare(truth, perfect, [new RmseMetric()], new BootstrapOptions { Seed = 1, Resamples = 300 })[0];

        Assert.True(multiclass.RegressionIsSignificant);
        Assert.True(regression.RegressionIsSignificant);
        Assert.Equal(MetricDirection.LowerIsBetter, regression.Direction);
    }
}
