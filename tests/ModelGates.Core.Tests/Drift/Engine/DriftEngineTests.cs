using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Correction;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Reporting;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
using ModelGates.Reports;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>The engine on real files through real DuckDB: every kind of column, every finding, every option.</summary>
public sealed class DriftEngineTests
{
    [Fact]
    public void Every_column_is_reported_with_its_kind_test_and_counts()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 3000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 2500, 2);

        var report = DriftTestData.Compare(reference, current);

        Assert.Equal(["amount", "level", "city", "flag", "day", "note"], report.Columns.Select(c => c.Column));
        Assert.Equal(
            [(ColumnKind.Numeric, "ks", "wasserstein"), (ColumnKind.Numeric, "chisquare", "jensenshannon"), (ColumnKind.Categorical, "chisquare", "cohens_h"),
             (ColumnKind.Boolean, "z", "cohens_h"), (ColumnKind.Datetime, "ks", "wasserstein")],
            report.Columns.Take(5).Select(c => (c.Kind, c.Test!, c.EffectMeasure!)));
        Assert.All(report.Columns.Take(5), c => Assert.Equal(ColumnDriftStatus.Ok, c.Status));
        Assert.Equal((ColumnKind.Text, ColumnDriftStatus.Skipped), (report.Column("note").Kind, report.Column("note").Status));
        Assert.Equal(DriftInputShape.Bins, report.Column("level").Input);
        Assert.Equal(DriftInputShape.Values, report.Column("amount").Input);

        var amount = report.Column("amount");
        Assert.Equal(3000 - amount.ReferenceCount, Math.Round(amount.MissingShareReference!.Value * 3000));
        Assert.Equal(2500, amount.CurrentCount + Math.Round(amount.MissingShareCurrent!.Value * 2500));
        Assert.True(report.Passed);
        Assert.Equal(["MG3008"], report.Diagnostics.Select(d => d.Code));
        Assert.Equal(0, report.DriftedShare);
        Assert.False(report.DatasetDrift);
        Assert.StartsWith("sha256:", report.Reference.Hash, StringComparison.Ordinal);
        Assert.Equal(DatasetHashOf(reference), report.Reference.Hash);
        Assert.Equal((3000, 2500), (report.Reference.Rows, report.Current.Rows));
    }

    [Fact]
    public void Shifted_amount_and_tilted_city_drift_and_say_so()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 3000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 3000, 2, shift: 0.6, cityTilt: 0.5);

        var report = DriftTestData.Compare(reference, current);

        Assert.Equal(ColumnDriftStatus.Drift, report.Column("amount").Status);
        Assert.Equal(ColumnDriftStatus.Drift, report.Column("city").Status);
        Assert.Equal(ColumnDriftStatus.Ok, report.Column("level").Status);
        var amount = report.Diagnostics.Single(d => d.Column == "amount");
        Assert.Equal(("MG3001", Severity.Error, "ks"), (amount.Code, amount.Severity, amount.Check));
        Assert.Equal(report.Column("amount").Effect, amount.Measured!.Value.Number);
        Assert.Equal(0.1, amount.Bound!.Value.Number);
        Assert.Contains("wasserstein", amount.Message, StringComparison.Ordinal);
        Assert.Null(amount.File);

        // 2 of 5 judged columns (the text column is not judged): below the default dataset rule of 0.5.
        Assert.Equal(0.4, report.DriftedShare, 12);
        Assert.False(report.DatasetDrift);
        Assert.False(report.Passed);
        Assert.Equal(["amount", "city"], report.DriftedFirst.Take(2).Select(c => c.Column));
    }

    [Fact]
    public void Dataset_rule_counts_weighted_columns()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 3000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 3000, 2, shift: 0.6, cityTilt: 0.5);

        var lowered = DriftTestData.Compare(reference, current, new DriftOptions { DatasetDriftShare = 0.4 });
        Assert.True(lowered.DatasetDrift);
        var dataset = lowered.Diagnostics[^1];
        Assert.Equal(("MG3002", 0.4, 0.4), (dataset.Code, dataset.Measured!.Value.Number!.Value, dataset.Bound!.Value.Number!.Value));

        // Weights 3 on each drifted column: (3 + 3) / (3 + 3 + 1 + 1 + 1) = 2/3.
        var weighted = DriftTestData.Compare(reference, current, new DriftOptions
        {
            Overrides = new Dictionary<string, ColumnDriftOverride> { ["amount"] = new() { Weight = 3 }, ["city"] = new() { Weight = 3 } },
        });
        Assert.Equal(6.0 / 9.0, weighted.DriftedShare, 12);
        Assert.True(weighted.DatasetDrift);
        Assert.Equal(3, weighted.Column("amount").Weight);
    }

    [Fact]
    public void A_missing_share_that_jumps_drifts_even_when_values_do_not()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 3000, 1, amountMissing: 0.01);
        var current = DriftTestData.Write(dir.File("cur.csv"), 3000, 2, amountMissing: 0.2);

        var report = DriftTestData.Compare(reference, current);
        var amount = report.Column("amount");

        Assert.False(amount.ValueDrifted);
        Assert.True(amount.MissingShareDrifted);
        Assert.Equal(ColumnDriftStatus.Drift, amount.Status);
        Assert.InRange(amount.MissingShareReference!.Value, 0.005, 0.015);
        Assert.InRange(amount.MissingShareCurrent!.Value, 0.18, 0.22);
        Assert.True(amount.MissingSharePValue < 1e-10);
        var d = Assert.Single(report.Diagnostics, x => x.Code == "MG3003");
        Assert.Equal(("amount", "missingShare", 0.05), (d.Column, d.Check, d.Bound!.Value.Number!.Value));

        // A threshold above the change keeps it an ok column.
        var lenient = DriftTestData.Compare(reference, current, new DriftOptions { MissingShareThreshold = 0.25 });
        Assert.False(lenient.Column("amount").MissingShareDrifted);
        Assert.Equal(ColumnDriftStatus.Ok, lenient.Column("amount").Status);
    }

    [Fact]
    public void Findings_for_missing_changed_extra_and_sparse_columns()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.WriteColumns(
            dir.File("ref.csv"),
            ("a", DriftTestData.Normal(200, 1)),
            ("gone", DriftTestData.Normal(200, 2)),
            ("b", DriftTestData.Normal(200, 3)),
            ("sparse", DriftTestData.Normal(200, 4)));
        var current = DriftTestData.WriteColumns(
            dir.File("cur.csv"),
            ("a", DriftTestData.Normal(200, 5)),
            ("b", Enumerable.Range(0, 200).Select(i => "w" + (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
            ("sparse", DriftTestData.Normal(5, 6)),
            ("added", DriftTestData.Normal(200, 7)));

        var report = DriftTestData.Compare(reference, current);

        Assert.Equal(ColumnDriftStatus.Ok, report.Column("a").Status);
        Assert.Equal(ColumnDriftStatus.Missing, report.Column("gone").Status);
        Assert.Equal(ColumnDriftStatus.Incompatible, report.Column("b").Status);
        var sparse = report.Column("sparse");
        Assert.Equal(ColumnDriftStatus.Drift, sparse.Status);
        Assert.False(sparse.ValueDrifted);
        Assert.True(sparse.MissingShareDrifted);
        Assert.Null(sparse.Effect);
        Assert.Equal(
            ["MG3010", "MG3005", "MG3006", "MG3004", "MG3003", "MG3007", "MG3002"],
            report.Diagnostics.Select(d => d.Code));
        Assert.Equal(["a", "gone", "b", "sparse", "sparse", "added", null], report.Diagnostics.Select(d => d.Column));
        var insufficient = report.Diagnostics[3];
        Assert.Equal((Severity.Warning, 5.0, 10.0), (insufficient.Severity, insufficient.Measured!.Value.Number!.Value, insufficient.Bound!.Value.Number!.Value));

        // Three of four judged columns drifted (missing, changed kind, missing share).
        Assert.Equal(0.75, report.DriftedShare);
    }

    [Fact]
    public void A_column_with_too_few_values_is_insufficient_not_drift()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), ("a", DriftTestData.Normal(8, 1)));
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), ("a", DriftTestData.Normal(8, 2, shift: 5)));

        var report = DriftTestData.Compare(reference, current);

        var a = report.Column("a");
        Assert.Equal(ColumnDriftStatus.Insufficient, a.Status);
        Assert.False(a.Drifted);
        Assert.True(report.Passed);
        Assert.Equal(["MG3004"], report.Diagnostics.Select(d => d.Code));
        Assert.Equal(0, report.DriftedShare);

        // A lower minimum lets eight rows be judged, and a five-sigma shift is then drift.
        var judged = DriftTestData.Compare(reference, current, new DriftOptions { MinimumCount = 5 });
        Assert.Equal(ColumnDriftStatus.Drift, judged.Column("a").Status);
    }

    [Fact]
    public void Out_of_range_shares_count_current_values_beyond_the_reference_extremes()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), ("x", Enumerable.Range(1, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()));
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), ("x", Enumerable.Range(-9, 120).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()));

        var x = DriftTestData.Compare(reference, current).Column("x");

        Assert.Equal(10.0 / 120, x.BelowReferenceShare!.Value, 12);
        Assert.Equal(10.0 / 120, x.AboveReferenceShare!.Value, 12);
    }

    [Fact]
    public void Categories_new_in_the_current_data_are_counted_over_the_union()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), ("c", Repeat(("a", 500), ("b", 500))));
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), ("c", Repeat(("a", 300), ("b", 300), ("z", 400))));

        var c = DriftTestData.Compare(reference, current).Column("c");

        // The largest Cohen's h between [.5, .5, 0] and [.3, .3, .4]: the new category z, 2 asin √0.4 − 2 asin √0.
        Assert.Equal("cohens_h", c.EffectMeasure);
        Assert.Equal(2 * Math.Asin(Math.Sqrt(0.4)), c.Effect!.Value, 12);
        Assert.Equal(ColumnDriftStatus.Drift, c.Status);
    }

    [Fact]
    public void Columns_option_compares_only_those_in_reference_order()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 500, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 500, 2);

        var report = DriftTestData.Compare(reference, current, new DriftOptions { Columns = ["city", "amount"] });

        Assert.Equal(["amount", "city"], report.Columns.Select(c => c.Column));
        var e = Assert.Throws<ConfigurationException>(() => DriftTestData.Compare(reference, current, new DriftOptions { Columns = ["amunt"] }));
        Assert.Equal("MG0033", e.Diagnostics[0].Code);
        Assert.Contains("Did you mean 'amount'?", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_test_applies_where_it_can_and_auto_takes_the_rest_with_an_info()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 1000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 1000, 2);

        var report = DriftTestData.Compare(reference, current, new DriftOptions { Test = "psi", Threshold = 0.2 });

        var amount = report.Column("amount");
        Assert.Equal(("psi", "chisquare", "psi", DriftInputShape.Bins, 0.2, 0.2), (amount.Test, amount.PValueTest, amount.EffectMeasure, amount.Input, amount.Threshold!.Value, amount.EffectThreshold!.Value));
        Assert.False(amount.AutoSelected);
        Assert.Equal(("psi", 0.2), (report.Column("city").Test, report.Column("city").Threshold!.Value));

        var ks = DriftTestData.Compare(reference, current, new DriftOptions { Test = "ks", Threshold = 0.01 });
        Assert.Equal(("ks", 0.01, 0.01, 0.1), (ks.Column("amount").Test, ks.Column("amount").Threshold!.Value, ks.Column("amount").Alpha!.Value, ks.Column("amount").EffectThreshold!.Value));

        // ks does not apply to categories: auto compares them, the 0.01 given for ks does not follow, and an info says so.
        var city = ks.Column("city");
        Assert.Equal(("chisquare", true, 0.05, 0.1), (city.Test, city.AutoSelected, city.Alpha!.Value, city.EffectThreshold!.Value));
        Assert.Contains(ks.Diagnostics, d => d.Code == "MG3009" && d.Column == "city" && d.Severity == Severity.Info);
        Assert.NotNull(city.Note);
    }

    [Fact]
    public void A_test_set_for_a_column_it_does_not_apply_to_is_MG0031()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 200, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 200, 2);
        var options = new DriftOptions { Overrides = new Dictionary<string, ColumnDriftOverride> { ["city"] = new() { Test = "ks" } } };

        var e = Assert.Throws<ConfigurationException>(() => DriftTestData.Compare(reference, current, options));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("MG0031", "city", 2), (d.Code, d.Column, e.ExitCode));
        Assert.Contains("categorical", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_changes_one_column_and_leaves_the_others()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 3000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 3000, 2, shift: 0.6, cityTilt: 0.5);
        var options = new DriftOptions
        {
            Overrides = new Dictionary<string, ColumnDriftOverride>
            {
                ["amount"] = new() { Threshold = 2.0 },
                ["city"] = new() { Test = "tvd" },
                ["day"] = new() { Skip = true },
            },
        };

        var report = DriftTestData.Compare(reference, current, options);

        Assert.Equal(("ks", 2.0, ColumnDriftStatus.Ok), (report.Column("amount").Test, report.Column("amount").EffectThreshold!.Value, report.Column("amount").Status));
        Assert.Equal(("tvd", "chisquare", ColumnDriftStatus.Drift), (report.Column("city").Test, report.Column("city").PValueTest, report.Column("city").Status));
        Assert.Equal(ColumnDriftStatus.Skipped, report.Column("day").Status);
        Assert.Equal(("chisquare", 0.1), (report.Column("level").Test, report.Column("level").EffectThreshold!.Value));
    }

    [Theory]
    [InlineData(DriftDecisionRule.Effect, true)]
    [InlineData(DriftDecisionRule.LowerBound, false)]
    [InlineData(DriftDecisionRule.TestOnly, true)]
    public void Decision_rules_judge_an_effect_just_over_its_threshold_differently(DriftDecisionRule rule, bool drift)
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), ("x", DriftTestData.Normal(3000, 1)));
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), ("x", DriftTestData.Normal(3000, 2, shift: 0.15)));

        var x = DriftTestData.Compare(reference, current, new DriftOptions { Decision = rule }).Column("x");

        Assert.True(x.Effect >= 0.1 && x.EffectInterval!.Value.Lower < 0.1, $"effect {x.Effect} [{x.EffectInterval?.Lower}, {x.EffectInterval?.Upper}]");
        Assert.Equal(drift, x.ValueDrifted);
    }

    [Fact]
    public void Corrections_change_which_borderline_columns_are_significant()
    {
        using var dir = new TempDirectory();
        var columns = Enumerable.Range(0, 6).Select(i => ($"x{i}", (IReadOnlyList<string>)DriftTestData.Normal(300, (ulong)i + 10))).ToArray();
        var shifted = Enumerable.Range(0, 6).Select(i => ($"x{i}", (IReadOnlyList<string>)DriftTestData.Normal(300, (ulong)i + 20, shift: i < 2 ? 0.25 : 0))).ToArray();
        var reference = DriftTestData.WriteColumns(dir.File("ref.csv"), columns);
        var current = DriftTestData.WriteColumns(dir.File("cur.csv"), shifted);

        var raw = new Dictionary<MultipleTestingCorrection, double[]>();
        using var session = DriftTestData.Session(reference, current);
        foreach (var correction in Enum.GetValues<MultipleTestingCorrection>())
        {
            var report = session.Raw(new DriftOptions { Correction = correction });
            Assert.Equal(correction, report.Correction);
            raw[correction] = report.Columns.Select(c => c.PValueAdjusted!.Value).ToArray();
            Assert.Equal(
                PValueAdjustment.Adjust(report.Columns.Select(c => c.PValue!.Value).ToList(), correction),
                raw[correction]);
        }

        Assert.True(raw[MultipleTestingCorrection.Bonferroni].Zip(raw[MultipleTestingCorrection.None]).All(p => p.First >= p.Second));
    }

    [Fact]
    public void The_same_inputs_give_the_same_report_and_a_seed_changes_only_the_resampled_numbers()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 1500, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 1500, 2, shift: 0.2);

        var a = DriftTestData.Json(DriftTestData.Compare(reference, current));
        var b = DriftTestData.Json(DriftTestData.Compare(reference, current));
        Assert.Equal(a, b);

        using var session = DriftTestData.Session(reference, current);
        var first = session.Raw();
        var reseeded = session.Raw(new DriftOptions { Seed = 99 });
        Assert.Equal(first.Column("amount").Effect, reseeded.Column("amount").Effect);
        Assert.Equal(first.Column("amount").PValue, reseeded.Column("amount").PValue);
        Assert.NotEqual(first.Column("amount").EffectInterval, reseeded.Column("amount").EffectInterval);
    }

    [Fact]
    public void Row_order_does_not_change_a_single_byte()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 1200, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 1200, 2, shift: 0.3, cityTilt: 0.2);
        var reversed = DriftTestData.Write(dir.File("rev.csv"), 1200, 2, shift: 0.3, cityTilt: 0.2, reverse: true);

        var forward = DriftTestData.Compare(reference, current);
        var backward = DriftTestData.Compare(reference, reversed);

        // Everything but the current file's hash and path is identical.
        Assert.Equal(DriftTestData.Json(forward with { Current = forward.Current with { Hash = "", Path = "" } }), DriftTestData.Json(backward with { Current = backward.Current with { Hash = "", Path = "" } }));
    }

    [Fact]
    public void Column_severity_can_make_drift_a_warning()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.Write(dir.File("ref.csv"), 2000, 1);
        var current = DriftTestData.Write(dir.File("cur.csv"), 2000, 2, shift: 0.8);

        var report = DriftTestData.Compare(reference, current, new DriftOptions { ColumnSeverity = Severity.Warning });

        Assert.Equal(Severity.Warning, report.Diagnostics.Single(d => d.Code == "MG3001").Severity);
        Assert.True(report.Passed);
    }

    private static string DatasetHashOf(string path) => DatasetHash.Of([path]);

    private static string[] Repeat(params (string Value, int Count)[] runs) => runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count)).ToArray();
}
