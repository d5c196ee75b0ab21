using ModelGates.Drift;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Effects;
using ModelGates.Statistics;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>The resampling behind effect intervals and minimum detectable effects.</summary>
public sealed class EffectBootstrapTests
{
    [Theory]
    [InlineData("wasserstein", false)]
    [InlineData("ed", true)]
    public void The_grid_distance_at_the_observed_weights_is_the_registry_s(string test, bool squared)
    {
        var random = new SeededRandom(3);
        var reference = SampleStreams.Normal(random, 700).Select(v => Math.Round(v, 2)).Order().ToArray();
        var current = SampleStreams.Normal(random, 500, 0.3).Select(v => Math.Round(v, 2)).Order().ToArray();
        var referencePoints = WeightedPoints.Unweighted(reference);
        var grid = ValueGrid.Of(referencePoints, WeightedPoints.Unweighted(current), referencePoints.PopulationStandardDeviation());

        var expected = DriftTestRegistry.Get(test).Compute(NumericSample.FromSorted(reference), NumericSample.FromSorted(current)).Statistic;

        Assert.Equal(expected, grid.Distance(grid.Reference, grid.Current, squared), 1e-12);
    }

    [Fact]
    public void Compression_keeps_the_total_weight_the_order_and_the_mean()
    {
        var random = new SeededRandom(4);
        var sorted = SampleStreams.Normal(random, 100_000).Order().ToArray();
        var points = WeightedPoints.Unweighted(sorted);

        var compressed = points.Compress(1024);

        Assert.InRange(compressed.Count, 1000, 1024);
        Assert.Equal(100_000, compressed.Total, 6);
        Assert.True(compressed.Values.Zip(compressed.Values.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(points.Mean(), compressed.Mean(), 1e-9);
        Assert.Same(points, points.Compress(200_000));
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(4)]
    [InlineData(250)]
    public void Poisson_draws_have_the_mean_and_variance_of_their_distribution(double mean)
    {
        var random = new NormalDraws(new SeededRandom(5));
        var start = PoissonSampler.Start(mean);
        var draws = Enumerable.Range(0, 200_000).Select(_ => PoissonSampler.Draw(random, mean, start)).ToArray();

        var average = draws.Average();
        var variance = draws.Select(d => (d - average) * (d - average)).Average();
        Assert.Equal(mean, average, 0.02 * mean);
        Assert.Equal(mean, variance, 0.03 * mean);
    }

    [Fact]
    public void Large_means_draw_the_normal_approximation_from_the_square_root_computed_once_bit_for_bit()
    {
        var random = new NormalDraws(new SeededRandom(9));
        var normals = new NormalDraws(new SeededRandom(9));
        foreach (var mean in new[] { 30.0, 31.5, 250.0, 1_000_003.25 })
        {
            var start = PoissonSampler.Start(mean);
            Assert.Equal(Math.Sqrt(mean), start);
            for (var i = 0; i < 1000; i++)
            {
                Assert.Equal(Math.Max(0.0, mean + (Math.Sqrt(mean) * normals.Next())), PoissonSampler.Draw(random, mean, start));
            }
        }

        Assert.Equal(Math.Exp(-29.5), PoissonSampler.Start(29.5));
    }

    [Fact]
    public void Ziggurat_draws_are_standard_normal_in_the_body_and_the_tail_uncorrelated_and_repeatable()
    {
        var normals = new NormalDraws(new SeededRandom(8));
        var draws = Enumerable.Range(0, 2_000_000).Select(_ => normals.Next()).ToArray();

        var mean = draws.Average();
        var variance = draws.Select(d => (d - mean) * (d - mean)).Average();
        Assert.Equal(0, mean, 0.003);
        Assert.Equal(1, variance, 0.003);

        // The whole distribution: the largest gap between the draws' CDF and Φ is that of a true normal sample
        // (the 0.1 % critical value of the one-sample Kolmogorov–Smirnov distance is 1.95/√n).
        Array.Sort(draws);
        var distance = draws.Select((d, i) => Math.Max(Math.Abs(NormalDistribution.Cdf(d) - (i / (double)draws.Length)), Math.Abs(NormalDistribution.Cdf(d) - ((i + 1) / (double)draws.Length)))).Max();
        Assert.True(distance < 1.95 / Math.Sqrt(draws.Length), $"KS distance {distance}");

        // The wedges and the tail are the rare, separate paths: their shares must be right too.
        Assert.Equal(2 * NormalDistribution.Sf(2), draws.Count(d => Math.Abs(d) > 2) / (double)draws.Length, 0.0005);
        var tail = 2 * NormalDistribution.Sf(NormalDraws.TailStart);
        Assert.Equal(tail, draws.Count(d => Math.Abs(d) > NormalDraws.TailStart) / (double)draws.Length, 0.15 * tail);
        Assert.Equal(2 * NormalDistribution.Sf(4.5), draws.Count(d => Math.Abs(d) > 4.5) / (double)draws.Length, 0.00001);
        Assert.Equal(draws.Count(d => d > 0), draws.Count(d => d < 0), 2_000_000 * 0.002);

        var again = new NormalDraws(new SeededRandom(8));
        var first = Enumerable.Range(0, 200_000).Select(_ => again.Next()).ToArray();
        var correlation = Enumerable.Range(0, first.Length - 1).Average(i => first[i] * first[i + 1]);
        Assert.Equal(0, correlation, 0.01);
        var repeat = new NormalDraws(new SeededRandom(8));
        Assert.Equal(first.Take(10), Enumerable.Range(0, 10).Select(_ => repeat.Next()));
    }

    [Fact]
    public void The_interval_holds_the_estimate_and_narrows_while_the_detectable_effect_shrinks_with_size()
    {
        var random = new SeededRandom(6);
        double? previousWidth = null;
        double? previousMde = null;
        foreach (var n in new[] { 100, 1_000, 10_000 })
        {
            var c = SampleDrift.CompareValues("x", SampleStreams.Normal(random, n), SampleStreams.Normal(random, n, 0.3)).Columns[0];
            var interval = c.EffectInterval!.Value;
            Assert.InRange(c.Effect!.Value, interval.Lower, interval.Upper);
            Assert.Equal(0.95, interval.Level);
            var width = interval.Upper - interval.Lower;
            Assert.True(previousWidth is null || width < previousWidth, $"n={n}: width {width}");
            Assert.True(previousMde is null || c.MinimumDetectableEffect < previousMde, $"n={n}: MDE {c.MinimumDetectableEffect}");
            previousWidth = width;
            previousMde = c.MinimumDetectableEffect;
        }
    }

    [Fact]
    public void With_no_drift_the_interval_reaches_down_to_zero_or_near_it()
    {
        var random = new SeededRandom(8);
        var c = SampleDrift.CompareValues("x", SampleStreams.Normal(random, 500), SampleStreams.Normal(random, 500)).Columns[0];

        // The estimate itself is the noise floor; the interval must not pretend the effect is certainly positive.
        Assert.True(c.EffectInterval!.Value.Lower < c.MinimumDetectableEffect! / 2, $"[{c.EffectInterval.Value.Lower}, {c.EffectInterval.Value.Upper}], MDE {c.MinimumDetectableEffect}");
        Assert.True(c.Effect < c.MinimumDetectableEffect);
    }
}
