using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Tests.Models;

public sealed class MetricBootstrapTests
{
    private static readonly BinaryPredictions Holdout = SimulatedPredictions.TwoModels(3, 1500, 0.6, 0.6).Baseline;

    [Fact]
    public void Same_seed_gives_the_same_bytes_whatever_the_thread_count()
    {
        var metrics = MetricRegistry.AllBinary();
        var serial = MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Seed = 9, Resamples = 300, MaxDegreeOfParallelism = 1 });
        var parallel = MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Seed = 9, Resamples = 300, MaxDegreeOfParallelism = 4 });
        var again = MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Seed = 9, Resamples = 300 });

        Assert.Equal(Bytes(serial), Bytes(parallel));
        Assert.Equal(Bytes(serial), Bytes(again));
    }

    [Fact]
    public void Another_seed_gives_another_interval()
    {
        var metrics = new BinaryMetric[] { new RocAucMetric() };
        var first = MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Seed = 1, Resamples = 200 });
        var second = MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Seed = 2, Resamples = 200 });

        Assert.NotEqual(first[0].Lower, second[0].Lower);
    }

    [Fact]
    public void Every_binary_interval_contains_its_point_estimate_on_reasonable_data()
    {
        var intervals = MetricBootstrap.Estimate(Holdout, MetricRegistry.AllBinary(), new BootstrapOptions { Seed = 4 });

        Assert.Equal(MetricRegistry.AllBinary().Select(m => m.Id), intervals.Select(i => i.MetricId));
        Assert.All(intervals, interval =>
        {
            Assert.Equal(1000, interval.Resamples);
            Assert.Equal(1000, interval.DefinedResamples);
            Assert.Equal(0.95, interval.Confidence);
            Assert.InRange(interval.Estimate.Value!.Value, interval.Lower!.Value, interval.Upper!.Value);
            Assert.True(interval.Upper > interval.Lower, interval.MetricId + " interval has no width");
        });
    }

    [Fact]
    public void Higher_confidence_gives_a_wider_interval()
    {
        var metrics = new BinaryMetric[] { new RocAucMetric() };
        var narrow = MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Seed = 5, Confidence = 0.5 })[0];
        var wide = MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Seed = 5, Confidence = 0.99 })[0];

        Assert.True(wide.Lower < narrow.Lower && wide.Upper > narrow.Upper);
    }

    [Fact]
    public void Multiclass_and_regression_intervals_contain_their_estimates()
    {
        var oracle = MetricOracle.Case("multiclass", "random_4_classes");
        var multiclass = MetricBootstrap.Estimate(MetricOracle.Multiclass(oracle), MetricRegistry.AllMulticlass(4), new BootstrapOptions { Seed = 6, Resamples = 400 });
        var regression = MetricBootstrap.Estimate(
            MetricOracle.Regression(MetricOracle.Case("regression", "random")),
            MetricRegistry.AllRegression(),
            new BootstrapOptions { Seed = 6, Resamples = 400 });

        Assert.All(multiclass.Concat(regression), interval =>
            Assert.InRange(interval.Estimate.Value!.Value, interval.Lower!.Value, interval.Upper!.Value));
    }

    [Fact]
    public void Resamples_where_a_metric_is_undefined_are_counted_and_left_out()
    {
        // 2 positives in 40 rows: about (38/40)^40 + ... ≈ 1 in 7 resamples draws no positive at all.
        var labels = Enumerable.Range(0, 40).Select(i => i < 2 ? 1 : 0).ToArray();
        var scores = Enumerable.Range(0, 40).Select(i => i / 40.0).ToArray();
        var interval = MetricBootstrap.Estimate(new BinaryPredictions(labels, scores), [new RocAucMetric()], new BootstrapOptions { Seed = 8 })[0];

        Assert.True(interval.Estimate.IsDefined);
        Assert.InRange(interval.DefinedResamples, 700, 950);
        Assert.NotNull(interval.Lower);
    }

    [Fact]
    public void A_metric_undefined_on_the_whole_set_has_no_interval()
    {
        var oneClass = new BinaryPredictions([0, 0, 0], [0.1, 0.5, 0.9]);
        var interval = MetricBootstrap.Estimate(oneClass, [new RocAucMetric()], new BootstrapOptions { Seed = 8, Resamples = 50 })[0];

        Assert.False(interval.Estimate.IsDefined);
        Assert.Equal(0, interval.DefinedResamples);
        Assert.Null(interval.Lower);
        Assert.Null(interval.Upper);
    }

    [Fact]
    public void Resamples_that_draw_only_zero_weight_rows_are_undefined_not_a_crash()
    {
        // Two rows, one of weight 0: a quarter of the resamples draw that row twice.
        var binary = MetricBootstrap.Estimate(new BinaryPredictions([0, 1], [0.2, 0.7], [0.0, 1.0]), MetricRegistry.AllBinary(), new BootstrapOptions { Seed = 1, Resamples = 400 });
        var multiclass = MetricBootstrap.Estimate(new MulticlassPredictions([0, 1], new[,] { { 0.6, 0.4 }, { 0.3, 0.7 } }, [0.0, 1.0]), MetricRegistry.AllMulticlass(2), new BootstrapOptions { Seed = 1, Resamples = 400 });
        var regression = MetricBootstrap.Estimate(new RegressionPredictions([1.0, 2.0], [1.5, 2.5], [0.0, 1.0]), [new MaeMetric()], new BootstrapOptions { Seed = 1, Resamples = 400 });

        Assert.InRange(binary.Single(i => i.MetricId == "accuracy").DefinedResamples, 250, 350);
        Assert.All(multiclass.Where(i => i.MetricId != "macroAuc").Concat(regression), i => Assert.InRange(i.DefinedResamples, 250, 350));

        // Class 0's only row weighs 0, so its one-vs-rest AUC has no positive weight: macroAuc is undefined in every resample.
        Assert.Equal(0, multiclass.Single(i => i.MetricId == "macroAuc").DefinedResamples);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        BinaryMetric[] metrics = [new RocAucMetric()];
        Assert.Throws<ArgumentException>(() => MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Resamples = 0 }));
        Assert.Throws<ArgumentException>(() => MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { Confidence = 1.0 }));
        Assert.Throws<ArgumentException>(() => MetricBootstrap.Estimate(Holdout, metrics, new BootstrapOptions { MaxDegreeOfParallelism = -1 }));
        Assert.Throws<ArgumentException>(() => MetricBootstrap.Estimate(Holdout, Array.Empty<BinaryMetric>()));
    }

    [Theory]
    [InlineData(0.025, 1.1)]
    [InlineData(0.5, 3.0)]
    [InlineData(0.975, 9.4)]
    [InlineData(1.0, 10.0)]
    [InlineData(0.0, 1.0)]
    public void Percentiles_interpolate_linearly_as_numpy(double q, double expected)
    {
        // np.percentile([1, 2, 3, 4, 10], [2.5, 50, 97.5, 100, 0]) = [1.1, 3, 9.4, 10, 1].
        Assert.Equal(expected, PercentileInterval.Quantile([1, 2, 3, 4, 10], q), 12);
    }

    private static byte[] Bytes(IReadOnlyList<MetricInterval> intervals) =>
        [.. intervals.SelectMany(i => BitConverter.GetBytes(i.Lower!.Value).Concat(BitConverter.GetBytes(i.Upper!.Value)))];
}
