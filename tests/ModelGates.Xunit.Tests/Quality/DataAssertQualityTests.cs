using ModelGates.Quality;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests.Quality;

/// <summary>The quality assertions on the sample's credit data, clean and with injected rows.</summary>
public sealed class DataAssertQualityTests : IDisposable
{
    private static readonly string Holdout = RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv");
    private static readonly string Train = RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv");
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_clean_holdout_has_no_duplicates_and_no_conflicting_labels()
    {
        var duplicates = DataAssert.HasNoDuplicates(Holdout);
        DataAssert.HasNoConflictingLabels(Holdout, "Status");

        Assert.Equal(827, duplicates.Rows);
        Assert.Empty(duplicates.Findings);
    }

    [Fact]
    public void An_injected_duplicate_fails_with_its_line_and_the_row_it_repeats()
    {
        var lines = File.ReadAllLines(Holdout).ToList();
        lines.Add(lines[4]);
        var data = directory.Write("holdout.csv", string.Join('\n', lines) + "\n");

        var error = Assert.Throws<ModelGatesAssertException>(() => DataAssert.HasNoDuplicates(data));

        Assert.Contains("MG2100", error.Message, StringComparison.Ordinal);
        Assert.Contains($"rows {lines.Count}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_holdout_overlaps_training_in_one_row()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => DataAssert.DoesNotLeakInto(Holdout, Train, "Status"));

        Assert.Contains("MG2102", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 of 827 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasQuality_passes_below_the_thresholds_and_returns_every_finding()
    {
        var options = new QualityOptions { Label = "Status", Checks = new Dictionary<string, QualityCheckSettings> { ["leakage"] = new(Diagnostics.Severity.Error, 0.005, null) } };

        var result = DataAssert.HasQuality(Holdout, options, Train);

        var leakage = Assert.Single(result.Findings, f => f.Check == "leakage");
        Assert.Equal((1L, Diagnostics.Severity.Info), (leakage.Count, leakage.Severity));
        Assert.Throws<ModelGatesAssertException>(() => DataAssert.HasQuality(Holdout, options with { Checks = new Dictionary<string, QualityCheckSettings>() }, Train));
    }

    [Fact]
    public void A_missing_label_column_is_reported_with_its_code()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => DataAssert.HasNoConflictingLabels(Holdout, "status"));

        Assert.Contains("MG0180", error.Message, StringComparison.Ordinal);
    }
}
