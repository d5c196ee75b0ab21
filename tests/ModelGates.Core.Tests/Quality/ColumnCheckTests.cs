using System.Globalization;
using System.Text.Json;
using ModelGates.Quality;
using ModelGates.Quality.Checks;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality;

/// <summary>The column checks on the credit data with injected values, the single-feature score against scikit-learn, freshness and volume.</summary>
public sealed class ColumnCheckTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_same_value_spelled_several_ways_is_found_with_the_spelling_meant()
    {
        var holdout = InjectedCredit.Holdout();
        holdout.Set(10, "Home", "Rent");
        holdout.Set(11, "Home", "\"rent \"");

        var report = InjectedCredit.Run(holdout.Write(directory, "h.csv"), InjectedCredit.Options(), only: ["spellings"]);

        var finding = InjectedCredit.Finding(report, "spellings", "Home")!;
        Assert.Equal("MG2106", finding.Code);
        Assert.Equal(2, finding.Count);
        Assert.Equal(["10", "11"], finding.Rows.Select(r => report.Keys[r.RowIndex]).Order(StringComparer.Ordinal));
        Assert.All(finding.Rows, r => Assert.Equal("rent", r.Details.Single(d => d.Key == "suggested").Value));
    }

    [Fact]
    public void Mixed_types_flag_the_rarer_kind_and_mixed_null_spellings_flag_the_rarer_spelling()
    {
        var holdout = InjectedCredit.Holdout();
        holdout.Set(20, "Income", "abc");
        holdout.Set(30, "Job", "");
        holdout.Set(31, "Job", "");
        holdout.Set(40, "Job", "NA");

        var report = InjectedCredit.Run(holdout.Write(directory, "h.csv"), InjectedCredit.Options(), only: ["mixedTypes", "mixedNulls"]);

        var types = InjectedCredit.Finding(report, "mixedTypes", "Income")!;
        Assert.Equal("20", report.Keys[Assert.Single(types.Rows).RowIndex]);
        Assert.Equal("text", types.Rows[0].Details.Single(d => d.Key == "type").Value);
        var nulls = InjectedCredit.Finding(report, "mixedNulls", "Job")!;
        Assert.Equal("40", report.Keys[Assert.Single(nulls.Rows).RowIndex]);
        Assert.Equal("NA", nulls.Rows[0].Details.Single(d => d.Key == "value").Value);
        Assert.Null(InjectedCredit.Finding(report, "mixedTypes", "Job"));
    }

    [Fact]
    public void A_constant_column_is_a_single_value_finding()
    {
        var report = InjectedCredit.Run(directory.Write("d.csv", "a,b,y\n1,k,0\n2,k,1\n3,k,0\n"), new QualityOptions { Label = "y" }, only: ["singleValue"]);

        var finding = Assert.Single(report.Findings).Finding;
        Assert.Equal(("singleValue", "b", 3L), (finding.Check, finding.Column, finding.Count));
    }

    [Fact]
    public void An_identifier_that_encodes_the_label_is_feature_leakage_and_real_features_are_not()
    {
        var holdout = InjectedCredit.Holdout();
        var lines = Enumerable.Range(1, holdout.Count).Select(n => holdout.Line(n)).ToList();
        // The application number was assigned after the decision: bad ones got the high numbers.
        var numbered = lines.Skip(1).Select((l, i) => (Line: l, Bad: l.StartsWith("bad", StringComparison.Ordinal), Index: i))
            .OrderBy(r => r.Bad).ThenBy(r => r.Index).Select((r, n) => $"{r.Line},{n.ToString(CultureInfo.InvariantCulture)}");
        var file = directory.Write("h.csv", string.Join('\n', [lines[0] + ",ApplicationNo", .. numbered]) + "\n");

        var report = InjectedCredit.Run(file, InjectedCredit.Options(), only: ["featureLeakage"]);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ApplicationNo", finding.Finding.Column);
        Assert.True(finding.Measured > 0.95, $"AUC {finding.Measured}");
    }

    [Fact]
    public void The_single_feature_auc_is_scikit_learns_in_the_better_direction()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "oracles", "quality.json"));
        using var json = JsonDocument.Parse(stream);
        foreach (var oracle in json.RootElement.GetProperty("aucBetterDirection").EnumerateArray())
        {
            var scores = oracle.GetProperty("scores").EnumerateArray().Select(s => s.GetDouble()).ToList();
            var labels = oracle.GetProperty("labels").EnumerateArray().Select(s => s.GetInt32() == 1).ToList();
            Assert.Equal(oracle.GetProperty("auc").GetDouble(), FeatureLeakageCheck.Auc(scores, labels), 12);
        }
    }

    [Fact]
    public void The_folds_are_seeded_and_balanced()
    {
        var folds = FeatureLeakageCheck.Folds(103, 5, 42);

        Assert.Equal(folds, FeatureLeakageCheck.Folds(103, 5, 42));
        Assert.NotEqual(folds, FeatureLeakageCheck.Folds(103, 5, 43));
        Assert.All(folds.GroupBy(f => f), g => Assert.InRange(g.Count(), 20, 21));
    }

    [Fact]
    public void Stale_data_is_found_with_its_newest_row_and_fresh_data_is_not()
    {
        var file = directory.Write("t.csv", "at,x\n2026-11-20,1\n2026-11-28 06:00:00,2\n2026-11-25,3\n");
        var options = new QualityOptions { Timestamp = "at", MaxAge = TimeSpan.FromDays(2), Now = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), MaxRows = 10 };

        var stale = InjectedCredit.Run(file, options, only: ["freshness"]);
        var fresh = InjectedCredit.Run(file, options with { MaxAge = TimeSpan.FromDays(4) }, only: ["freshness"]);

        var finding = Assert.Single(stale.Findings);
        Assert.Equal(3, finding.Measured!.Value, 9);
        Assert.Equal("3", stale.Keys[finding.Finding.Rows[0].RowIndex]);
        Assert.Equal(ModelGates.Diagnostics.Severity.Error, finding.Finding.Severity);
        Assert.Empty(fresh.Findings);
    }

    [Fact]
    public void Rows_per_day_far_below_the_reference_are_low_volume()
    {
        var reference = directory.Write("r.csv", "at,x\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"2026-11-{1 + (i / 10):00},{i}\n")));
        var current = directory.Write("c.csv", "at,x\n2026-12-01,1\n2026-12-01,2\n2026-12-02,3\n2026-12-03,4\n");

        var report = InjectedCredit.Run(current, new QualityOptions { Timestamp = "at" }, reference: reference, only: ["volume"]);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((4.0 / 3) / 10, finding.Measured!.Value, 12);
    }
}
