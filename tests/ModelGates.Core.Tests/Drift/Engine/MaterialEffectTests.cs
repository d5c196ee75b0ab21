using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>
/// The effects of the auto policy see what a credit team treats as material (docs/drift.md#effects-that-see-what-matters):
/// a 10-point move of a boolean, a rare category tripling, a heavy-tailed amount rising 30%; and small sizes that cannot
/// see the threshold say so (MG3010) instead of a silent "ok".
/// </summary>
public sealed class MaterialEffectTests
{
    [Fact]
    public void The_three_way_repro_drifts_in_each_of_the_three_columns_and_not_in_the_fourth()
    {
        var (reference, current) = ThreeWayRepro.Columns(100_000);

        var report = SampleDrift.Compare(reference, current);

        var flag = report.Column("flag");
        Assert.Equal(("z", "cohens_h", ColumnDriftStatus.Drift), (flag.Test, flag.EffectMeasure, flag.Status));
        // 50% → 60%: h = 2 asin √0.6 − 2 asin √0.5 = 0.201, up to sampling.
        Assert.InRange(flag.Effect!.Value, 0.18, 0.22);

        var segment = report.Column("segment");
        Assert.Equal(("chisquare", "cohens_h", ColumnDriftStatus.Drift), (segment.Test, segment.EffectMeasure, segment.Status));
        // 1% → 3%: h = 2 asin √0.03 − 2 asin √0.01 = 0.148, the largest over the categories.
        Assert.InRange(segment.Effect!.Value, 0.13, 0.17);

        var amount = report.Column("amount");
        Assert.Equal(("ks", "wasserstein_rank", ColumnDriftStatus.Drift), (amount.Test, amount.EffectMeasure, amount.Status));
        // ln 1.3 / 2 = 0.131 σ on the log scale; the rank scale reads a normal shift of δ as 0.977 δ.
        Assert.InRange(amount.Effect!.Value, 0.11, 0.15);
        Assert.True(amount.EffectInterval!.Value.Lower > 0.1, $"lower bound {amount.EffectInterval.Value.Lower}");

        var score = report.Column("score");
        Assert.Equal(("ks", "wasserstein", ColumnDriftStatus.Ok), (score.Test, score.EffectMeasure, score.Status));

        Assert.Equal(["MG3001", "MG3001", "MG3001", "MG3002"], report.Diagnostics.Select(d => d.Code));
        Assert.Equal(0.75, report.DriftedShare);
    }

    [Fact]
    public void The_effects_that_missed_the_repro_stay_under_their_threshold_on_the_same_data()
    {
        // What the issue reported: the old effects sit under 0.1 although every p-value is tiny.
        var (reference, current) = ThreeWayRepro.Columns(100_000);
        var options = new DriftOptions
        {
            Overrides = new Dictionary<string, ColumnDriftOverride>
            {
                ["flag"] = new() { Test = "jensenshannon" },
                ["segment"] = new() { Test = "jensenshannon" },
                ["amount"] = new() { Test = "wasserstein" },
            },
        };

        var report = SampleDrift.Compare(reference, current, options);

        Assert.All(["flag", "segment", "amount"], name =>
        {
            var column = report.Column(name);
            Assert.True(column.Effect < 0.1, $"{name}: {column.EffectMeasure} {column.Effect}");
            Assert.True(column.PValueAdjusted < 1e-50, $"{name}: p {column.PValueAdjusted}");
            Assert.Equal(ColumnDriftStatus.Ok, column.Status);
        });
    }

    [Theory]
    [InlineData(20, 2_000)]
    [InlineData(50, 50)]
    public void A_numeric_column_too_small_to_see_the_threshold_gets_a_warning_not_a_silent_ok(int currentRows, int referenceRows)
    {
        var random = new SeededRandom(7);
        var report = SampleDrift.CompareValues("x", SampleStreams.Normal(random, referenceRows), SampleStreams.Normal(random, currentRows));
        var column = report.Column("x");

        Assert.Equal(ColumnDriftStatus.Ok, column.Status);
        Assert.True(column.MinimumDetectableEffect > 0.1, $"MDE {column.MinimumDetectableEffect}");
        var warning = Assert.Single(report.Diagnostics);
        Assert.Equal(("MG3010", Severity.Warning, "x", "minimumDetectableEffect"), (warning.Code, warning.Severity, warning.Column, warning.Check));
        Assert.Equal(column.MinimumDetectableEffect!.Value, warning.Measured!.Value.Number!.Value);
        Assert.Equal(0.1, warning.Bound!.Value.Number!.Value);
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"with {referenceRows} reference and {currentRows} current value(s) its minimum detectable effect (wasserstein "),
            warning.Message,
            StringComparison.Ordinal);
        Assert.True(report.Passed);
    }

    [Fact]
    public void A_boolean_of_fifty_rows_gets_the_warning_and_of_a_hundred_thousand_does_not()
    {
        var random = new SeededRandom(8);
        SampleColumn Flag(int n, double p) => SampleColumn.Counts("flag", Bernoulli(random, n, p), kind: ColumnKind.Boolean);

        var small = SampleDrift.Compare([Flag(50, 0.5)], [Flag(50, 0.5)]);
        var large = SampleDrift.Compare([Flag(100_000, 0.5)], [Flag(100_000, 0.5)]);

        Assert.Equal("MG3010", Assert.Single(small.Diagnostics).Code);
        Assert.True(small.Column("flag").MinimumDetectableEffect > 0.1);
        Assert.Empty(large.Diagnostics);
        Assert.True(large.Column("flag").MinimumDetectableEffect < 0.02, $"MDE {large.Column("flag").MinimumDetectableEffect}");
    }

    [Fact]
    public void The_warning_follows_the_configured_threshold_and_not_the_test_only_rule()
    {
        // The same 300 values on both sides: nothing drifted, and 300 rows cannot resolve 0.1.
        var reference = SampleStreams.Normal(new SeededRandom(9), 300);
        var current = reference;

        var atDefault = SampleDrift.CompareValues("x", reference, current);
        var mde = atDefault.Column("x").MinimumDetectableEffect!.Value;
        var raised = SampleDrift.CompareValues("x", reference, current, new DriftOptions { EffectThreshold = mde * 1.01 });
        var testOnly = SampleDrift.CompareValues("x", reference, current, new DriftOptions { Decision = DriftDecisionRule.TestOnly });

        Assert.Equal(["MG3010"], atDefault.Diagnostics.Select(d => d.Code));
        Assert.Empty(raised.Diagnostics);
        Assert.Empty(testOnly.Diagnostics);
    }

    [Fact]
    public void A_drifted_column_is_not_warned_whatever_its_minimum_detectable_effect()
    {
        var random = new SeededRandom(10);
        var report = SampleDrift.CompareValues("x", SampleStreams.Normal(random, 40), SampleStreams.Normal(random, 40, shift: 2));

        Assert.Equal(ColumnDriftStatus.Drift, report.Column("x").Status);
        Assert.True(report.Column("x").MinimumDetectableEffect > 0.1);
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "MG3010");
    }

    [Fact]
    public void A_clean_split_of_a_hundred_thousand_rows_resampled_from_the_credit_sample_raises_nothing()
    {
        // A seeded resample of the sample's rows, shuffled and split in two: the same distribution on both sides,
        // 50,000 rows each, where every p-value test is at its most sensitive.
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(RepoPaths.Combine("samples", "data", "credit_data.csv"));
        var random = new SeededRandom(2026);
        var rows = Enumerable.Range(0, 100_000).Select(_ => lines[1 + random.NextInt64(lines.Length - 1)]).ToArray();
        var reference = dir.File("reference.csv");
        var current = dir.File("current.csv");
        File.WriteAllLines(reference, [lines[0], .. rows[..50_000]]);
        File.WriteAllLines(current, [lines[0], .. rows[50_000..]]);

        var report = DriftTestData.Compare(reference, current);

        Assert.True(report.Passed, string.Join("\n", report.Diagnostics.Select(d => d.Message)));
        Assert.Empty(report.Diagnostics);
        Assert.All(report.Columns, c => Assert.False(c.Drifted, c.Column));
        Assert.Contains(report.Columns, c => c.EffectMeasure == "wasserstein_rank");
        Assert.Contains(report.Columns, c => c.EffectMeasure == "cohens_h");
    }

    [Fact]
    public void Clean_splits_of_the_repro_s_reference_raise_nothing_at_any_size()
    {
        foreach (var n in new[] { 100, 1_000, 10_000, 100_000 })
        {
            var (reference, _) = ThreeWayRepro.Columns(n, seed: 11);
            var (again, _) = ThreeWayRepro.Columns(n, seed: 12);

            var report = SampleDrift.Compare(reference, again);

            Assert.All(report.Columns, c => Assert.False(c.Drifted, $"n = {n}: {c.Column} {c.EffectMeasure} {c.Effect} p {c.PValueAdjusted}"));
            Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error);
        }
    }

    private static Dictionary<string, long> Bernoulli(SeededRandom random, int n, double p)
    {
        long trues = 0;
        for (var i = 0; i < n; i++)
        {
            trues += random.NextDouble() < p ? 1 : 0;
        }

        return new Dictionary<string, long>(StringComparer.Ordinal) { ["false"] = n - trues, ["true"] = trues };
    }
}
