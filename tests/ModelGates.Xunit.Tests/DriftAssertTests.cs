using ModelGates.Drift.Engine.Options;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

public sealed class DriftAssertTests
{
    private static readonly string Train = RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv");
    private static readonly string Holdout = RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv");
    private static readonly string Drifted = RepoPaths.Combine("samples", "data", "drifted", "credit_drifted.csv");
    private static readonly string Profile = RepoPaths.Combine("samples", "CreditRisk", "reference", "train.profile.json");

    [Fact]
    public void Holdout_has_not_drifted_from_training_data_or_its_profile()
    {
        Assert.True(DriftAssert.NoDrift(Train, Holdout).Passed);
        Assert.True(DriftAssert.NoDrift(Profile, Holdout).Passed);
    }

    [Fact]
    public void Drifted_data_fails_with_a_table_of_the_drifted_columns()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => DriftAssert.NoDrift(Profile, Drifted));

        Assert.Matches(@"Income\s+ks \+ wasserstein\s+\S+\s+\S+\s+0\.5\d*\s+0\.1", error.Message);
        Assert.Contains("missing share", error.Message, StringComparison.Ordinal);
        Assert.Contains("MG3001", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Assert.True() Failure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_correlation_fails_as_a_whole_unless_multivariate_is_off()
    {
        var reference = RepoPaths.Combine("samples", "data", "multivariate", "correlated.csv");
        var flipped = RepoPaths.Combine("samples", "data", "multivariate", "flipped.csv");

        var error = Assert.Throws<ModelGatesAssertException>(() => DriftAssert.NoDrift(reference, flipped));
        var off = DriftAssert.NoDrift(reference, flipped, new DriftOptions { Multivariate = MultivariateDrift.Off });

        Assert.Contains("no column drifted, but the multivariate check(s) domainClassifier, reconstruction flagged the rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("MG3020", error.Message, StringComparison.Ordinal);
        Assert.Contains("MG3021", error.Message, StringComparison.Ordinal);
        Assert.True(off.Passed);
        Assert.Empty(off.DatasetChecks);
    }

    [Fact]
    public void Options_change_the_judgement()
    {
        var lenient = DriftOptions.Default with
        {
            Overrides = new Dictionary<string, ColumnDriftOverride>(StringComparer.Ordinal)
            {
                ["Income"] = new() { Skip = true },
                ["Age"] = new() { Skip = true },
                ["Home"] = new() { Skip = true },
                ["Job"] = new() { Skip = true },
                ["Status"] = new() { Skip = true },
            },
        };

        Assert.True(DriftAssert.NoDrift(Profile, Drifted, lenient).Passed);
    }

    [Fact]
    public void Unreadable_reference_is_reported_with_its_code()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => DriftAssert.NoDrift("nope.csv", Holdout));

        Assert.Contains("MG0101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_the_engine_rejects_fail_the_assertion_with_their_line()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Holdout).ToList();
        lines.Insert(29, string.Join(',', Enumerable.Repeat("1", lines[0].Split(',').Length + 2)));
        var broken = dir.Write("holdout.csv", string.Join("\n", lines) + "\n");

        var error = Assert.Throws<ModelGatesAssertException>(() => DriftAssert.NoDrift(Train, broken));

        Assert.Contains("MG2001", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 30", error.Message, StringComparison.Ordinal);
        Assert.Contains("no column drifted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_file_is_a_profile_only_when_its_content_is_one()
    {
        using var dir = new TempDirectory();
        var renamed = dir.File("reference.data");
        File.Copy(Profile, renamed);
        var jsonLines = JsonLinesFile.FromCsv(Holdout, dir.File("holdout.json"));

        Assert.True(DriftAssert.NoDrift(renamed, Holdout).Reference.IsProfile);
        var fromJsonLines = DriftAssert.NoDrift(jsonLines, Holdout);
        Assert.False(fromJsonLines.Reference.IsProfile);
        Assert.Equal(File.ReadLines(Holdout).Count() - 1, fromJsonLines.Reference.Rows);
    }
}
