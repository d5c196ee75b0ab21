using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>
/// Drift against a stored reference profile agrees with drift against the raw reference: exactly for
/// binned tests and exact sketches, within the documented bound for tests on a quantile sketch.
/// </summary>
public sealed class ProfileReferenceTests
{
    [Fact]
    public void Binned_categorical_and_boolean_results_are_identical_to_the_raw_reference()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 6000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 4000, 2, shift: 0.3, cityTilt: 0.3);

        var raw = DriftTestData.Compare(reference, current);
        var profiled = DriftTestData.CompareWithProfile(reference, current);

        foreach (var name in new[] { "level", "city", "flag" })
        {
            var r = raw.Column(name);
            var p = profiled.Column(name);
            Assert.Equal((r.Test, r.Statistic, r.PValue, r.Effect, r.EffectInterval, r.MinimumDetectableEffect, r.Status), (p.Test, p.Statistic, p.PValue, p.Effect, p.EffectInterval, p.MinimumDetectableEffect, p.Status));
            Assert.Equal(0, p.StatisticErrorBound);
        }

        Assert.Equal(raw.Column("amount").MissingSharePValue, profiled.Column("amount").MissingSharePValue);
        Assert.True(profiled.Reference.IsProfile);
    }

    [Theory]
    [InlineData("psi")]
    [InlineData("jensenshannon")]
    [InlineData("kl_div")]
    [InlineData("hellinger")]
    [InlineData("tvd")]
    public void Binned_tests_on_numeric_columns_are_exact_on_a_profile(string test)
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 3000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 2000, 2, shift: 0.2);
        var options = new DriftOptions { Test = test, Columns = ["amount"] };
        using var session = DriftTestData.Session(reference, current);

        var r = session.Raw(options).Column("amount");
        var p = session.Profiled(options).Column("amount");

        Assert.Equal(DriftInputShape.Bins, p.Input);
        Assert.Equal((r.Statistic, r.PValue, r.Status), (p.Statistic, p.PValue, p.Status));
    }

    [Theory]
    [InlineData(512)]
    [InlineData(64)]
    public void Tests_on_the_sketch_stay_within_their_stated_bounds(int points)
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 8_000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 3_000, 2, shift: 0.15);
        using var session = DriftTestData.Session(reference, current, new ProfileSettings { QuantilePoints = points });

        foreach (var test in new[] { "ks", "wasserstein", "ed" })
        {
            var options = new DriftOptions { Test = test, Columns = ["amount"] };
            var r = session.Raw(options).Column("amount");
            var p = session.Profiled(options).Column("amount");

            Assert.Equal(DriftInputShape.Sketch, p.Input);
            Assert.True(p.StatisticErrorBound > 0);
            Assert.True(Math.Abs(p.Statistic!.Value - r.Statistic!.Value) <= p.StatisticErrorBound, $"{test}/{points}: {p.Statistic} vs {r.Statistic}, bound {p.StatisticErrorBound}");
            Assert.True(Math.Abs(p.Effect!.Value - r.Effect!.Value) <= p.EffectErrorBound, $"{test}/{points} effect: {p.Effect} vs {r.Effect}, bound {p.EffectErrorBound}");
            if (test == "ks")
            {
                // The ks bound is the sketch's rank error; its p-value is taken at D − rankError, so never below the raw one's.
                Assert.Equal(1.0 / points, p.StatisticErrorBound!.Value, 15);
                Assert.True(p.PValue >= r.PValue);
            }
        }
    }

    [Fact]
    public void Welch_t_test_runs_exactly_on_the_profile_s_moments()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 8_000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 3_000, 2, shift: 0.05);
        var options = new DriftOptions { Test = "t_test", Columns = ["amount"] };
        using var session = DriftTestData.Session(reference, current);

        var r = session.Raw(options).Column("amount");
        var p = session.Profiled(options).Column("amount");

        Assert.Equal(r.Statistic!.Value, p.Statistic!.Value, 1e-9 * Math.Abs(r.Statistic.Value));
        Assert.Equal(r.PValue!.Value, p.PValue!.Value, 1e-9 * r.PValue.Value);
        Assert.Equal(0, p.StatisticErrorBound);
    }

    [Theory]
    [InlineData("mannw")]
    [InlineData("anderson")]
    [InlineData("cramer_von_mises")]
    public void Tests_that_take_no_weights_run_exactly_on_an_exact_sketch(string test)
    {
        using var dir = new TempDirectory();
        var rows = Enumerable.Range(0, 3000).Select(i => ((i * 37) % 101).ToString(CultureInfo.InvariantCulture)).ToArray();
        var later = Enumerable.Range(0, 2000).Select(i => (((i * 41) % 101) + 3).ToString(CultureInfo.InvariantCulture)).ToArray();
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), ("x", rows));
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), ("x", later));
        var options = new DriftOptions { Test = test };

        var r = DriftTestData.Compare(reference, current, options).Column("x");
        var p = DriftTestData.CompareWithProfile(reference, current, options).Column("x");

        Assert.Equal((r.Statistic, r.PValue), (p.Statistic, p.PValue));
        Assert.Equal(0, p.StatisticErrorBound);
    }

    [Theory]
    [InlineData("mannw")]
    [InlineData("anderson")]
    [InlineData("cramer_von_mises")]
    public void Tests_that_take_no_weights_refuse_a_sketch_with_MG0032(string test)
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 5_000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 1_000, 2);

        var e = Assert.Throws<ConfigurationException>(() => DriftTestData.CompareWithProfile(reference, current, new DriftOptions { Test = test }));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("MG0032", "amount", 2), (d.Code, d.Column, e.ExitCode));
        Assert.Contains("quantile sketch", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_compares_frozen_bins_when_the_sketch_cannot_bound_the_effect()
    {
        // A coarse sketch (32 points: rank error 1/32) of a normal column spanning 8 σ bounds the normed
        // Wasserstein distance only within 0.25, over half the threshold.
        using var dir = new TempDirectory();
        var random = new SeededRandom(5);
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), ("x", Normal(random, 20_000)));
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), ("x", Normal(random, 5_000)));

        var raw = DriftTestData.Compare(reference, current).Column("x");
        var profiled = DriftTestData.CompareWithProfile(reference, current, settings: new ProfileSettings { QuantilePoints = 32 }).Column("x");

        Assert.Equal((DriftInputShape.Values, "wasserstein"), (raw.Input, raw.EffectMeasure));
        Assert.Equal((DriftInputShape.Bins, "chisquare", "jensenshannon"), (profiled.Input, profiled.Test, profiled.EffectMeasure));
        Assert.Equal(ColumnDriftStatus.Ok, profiled.Status);
    }

    [Fact]
    public void A_heavy_tailed_column_is_measured_on_the_rank_scale_from_data_and_profile_alike()
    {
        // Lognormal with σ = 2: its range is thousands of standard deviations, which bounded the normed Wasserstein
        // distance on a sketch so loosely that auto fell back to bins; on the rank scale the bound is 3√12/512.
        using var dir = new TempDirectory();
        var random = new SeededRandom(5);
        var heavy = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(2 * random.NextGaussian()).ToString("R", CultureInfo.InvariantCulture)).ToArray();
        var later = Enumerable.Range(0, 5_000).Select(_ => (1.3 * Math.Exp(2 * random.NextGaussian())).ToString("R", CultureInfo.InvariantCulture)).ToArray();
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), ("x", heavy));
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), ("x", later));

        var raw = DriftTestData.Compare(reference, current).Column("x");
        var profiled = DriftTestData.CompareWithProfile(reference, current).Column("x");

        Assert.Equal((DriftInputShape.Values, "ks", "wasserstein_rank"), (raw.Input, raw.Test, raw.EffectMeasure));
        Assert.Equal((DriftInputShape.Sketch, "ks", "wasserstein_rank"), (profiled.Input, profiled.Test, profiled.EffectMeasure));
        Assert.Equal(3 * Math.Sqrt(12) / 512, profiled.EffectErrorBound!.Value, 12);
        Assert.InRange(Math.Abs(profiled.Effect!.Value - raw.Effect!.Value), 0, profiled.EffectErrorBound!.Value);
        // A 30% rise of every value is ln 1.3 / 2 = 0.13 σ on the log scale, which the rank scale reads as about 0.128.
        Assert.InRange(raw.Effect!.Value, 0.1, 0.16);
        Assert.Equal((ColumnDriftStatus.Drift, ColumnDriftStatus.Drift), (raw.Status, profiled.Status));
    }

    private static string[] Normal(SeededRandom random, int count) =>
        Enumerable.Range(0, count).Select(_ => random.NextGaussian().ToString("R", CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void A_profile_reference_needs_no_reference_data_and_records_the_profile_s_hash()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 3000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 3000, 2);
        var profilePath = DriftTestData.WriteProfile(reference);
        File.Delete(reference);

        using var engine = new DataEngine();
        var currentData = DatasetLoader.Load(engine, new DatasetSource(current));
        var report = DriftEngine.Compare(engine, DriftReference.ReadProfile(profilePath), currentData);

        Assert.True(report.Passed);
        Assert.Equal(DatasetHash.Of(File.ReadAllBytes(profilePath)), report.Reference.Hash);
        Assert.Equal(3000, report.Reference.Rows);
        Assert.Equal(profilePath, report.Reference.Path);
    }

    [Fact]
    public void A_missing_profile_is_MG0101_and_a_broken_one_MG0111_both_exit_3_as_for_any_data()
    {
        using var dir = new TempDirectory();

        var missing = Assert.Throws<DataReadException>(() => DriftReference.ReadProfile(dir.File("nope.json")));
        Assert.Equal(("MG0101", 3), (missing.Diagnostics[0].Code, missing.ExitCode));

        var broken = dir.Write("broken.json", "{\"kind\": \"modelgates.profile\", \"rows\": ");
        var invalid = Assert.Throws<DataReadException>(() => DriftReference.ReadProfile(broken));
        Assert.Equal(("MG0111", 3), (invalid.Diagnostics[0].Code, invalid.ExitCode));
    }

    public static TheoryData<int, int, ulong> Shapes() => new()
    {
        { 1_500, 2_000, 1 },   // fewer than 4 × 512 rows, more than 512 distinct: compressed value counts
        { 30_000, 1_000_000, 2 }, // many distinct values: mid-share order statistics
        { 30_000, 40, 3 },    // few distinct values: exact value counts
        { 3_000, 3, 4 },      // three values: deciles collapse to two edges
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sketch_and_bins_from_raw_values_are_the_profile_s(int rows, int distinct, ulong seed)
    {
        using var dir = new TempDirectory();
        var random = new SeededRandom(seed);
        var cells = Enumerable.Range(0, rows).Select(_ => random.NextInt64(distinct).ToString(CultureInfo.InvariantCulture)).ToArray();
        var path = DriftTestData.WriteColumns(dir.File("x.csv"), ("x", cells));

        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(path));
        var numeric = ProfileBuilder.Build(engine, data).Find("x")!.Numeric!;
        var sorted = cells.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).Order().ToArray();
        var (sketch, bins, _) = NumericColumnProfiler.SketchAndBins(sorted, ProfileSettings.Default);

        Assert.Equal(numeric.Quantiles.Values, sketch.Values);
        Assert.Equal(numeric.Quantiles.Weights, sketch.Weights);
        Assert.Equal(numeric.Quantiles.RankError, sketch.RankError);
        Assert.Equal(numeric.Bins.Edges, bins.Edges);
        Assert.Equal(numeric.Bins.Counts, bins.Counts);
    }
}
