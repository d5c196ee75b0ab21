using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>A plain CSV current file compared straight from the file must give the report the table path gives, or decline.</summary>
public sealed class DirectDriftTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("ks")]
    [InlineData("psi")]
    [InlineData("wasserstein")]
    [InlineData("chisquare")]
    public void Current_file_read_directly_gives_the_table_report_against_raw_data_and_a_profile(string? test)
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.WritePlain(dir.File("reference.csv"), 3000, seed: 1, shift: 0);
        var current = DriftTestData.WritePlain(dir.File("current.csv"), 2500, seed: 2, shift: 0.6);
        var options = test is null ? null : new DriftOptions { Test = test };

        var raw = AssertSameAsTable(reference, current, options, profile: false);
        var profiled = AssertSameAsTable(reference, current, options, profile: true);
        AssertDirectReferenceSameAsTable(reference, current, options);

        Assert.Equal(7, raw.Columns.Count);
        Assert.True(raw.Column("amount").Drifted || test is "chisquare");
        Assert.Equal(raw.Columns.Select(c => c.Column), profiled.Columns.Select(c => c.Column));
    }

    [Fact]
    public void A_column_categorical_in_the_reference_and_integer_now_is_compared_as_text()
    {
        using var dir = new TempDirectory();
        var reference = dir.Write("reference.csv", "code\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"c{i % 4}\n")));
        var current = dir.Write("current.csv", "code\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{i % 4}\n")));

        var report = AssertSameAsTable(reference, current, null, profile: true);

        Assert.True(report.Column("code").Drifted);
    }

    [Fact]
    public void A_column_categorical_in_the_reference_and_fractional_now_is_left_to_the_table_path()
    {
        using var dir = new TempDirectory();
        var reference = dir.Write("reference.csv", "code\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"c{i % 4}\n")));
        var current = dir.Write("current.csv", "code\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{i % 4}.5\n")));
        using var engine = new DataEngine();
        var referenceData = DatasetLoader.Load(engine, new DatasetSource(reference));

        Assert.Null(DriftEngine.TryCompareDirect(engine, DriftReference.FromDataset(referenceData, "sha256:r"), new DatasetSource(current), null, Task.FromResult("sha256:c")));
    }

    [Fact]
    public void A_current_file_outside_the_direct_path_is_declined()
    {
        using var dir = new TempDirectory();
        var reference = DriftTestData.WritePlain(dir.File("reference.csv"), 200, seed: 1, shift: 0);
        var current = dir.Write("current.csv", "amount,count,city,flag,temp,score,note\n\"1\",2,Oslo,yes,1,2,n\n");
        using var engine = new DataEngine();
        var referenceData = DatasetLoader.Load(engine, new DatasetSource(reference));

        Assert.Null(DriftEngine.TryCompareDirect(engine, DriftReference.FromDataset(referenceData, "sha256:r"), new DatasetSource(current), null, Task.FromResult("sha256:c")));
    }

    private static DriftReport AssertSameAsTable(string reference, string current, DriftOptions? options, bool profile)
    {
        using var engine = new DataEngine();
        var driftReference = profile
            ? DriftReference.ReadProfile(DriftTestData.WriteProfile(reference))
            : DriftReference.FromDataset(DatasetLoader.Load(engine, new DatasetSource(reference)), "sha256:reference");

        var direct = DriftEngine.TryCompareDirect(engine, driftReference, new DatasetSource(current), options, Task.FromResult("sha256:current"));
        var table = DriftEngine.Compare(engine, driftReference, DatasetLoader.Load(engine, new DatasetSource(current)), options, "sha256:current");

        Assert.NotNull(direct);
        Assert.Equal(DriftTestData.Json(table), DriftTestData.Json(direct));
        return direct;
    }

    /// <summary>Both files read directly (a raw pair with no table at all) against both loaded as tables.</summary>
    private static void AssertDirectReferenceSameAsTable(string reference, string current, DriftOptions? options)
    {
        using var engine = new DataEngine();
        var directReference = DriftReference.TryReadDirect(engine, new DatasetSource(reference), Task.FromResult("sha256:reference"));
        var tableReference = DriftReference.FromDataset(DatasetLoader.Load(engine, new DatasetSource(reference)), "sha256:reference");

        var direct = DriftEngine.TryCompareDirect(engine, directReference!, new DatasetSource(current), options, Task.FromResult("sha256:current"));
        var table = DriftEngine.Compare(engine, tableReference, DatasetLoader.Load(engine, new DatasetSource(current)), options, "sha256:current");

        Assert.NotNull(directReference);
        Assert.NotNull(direct);
        Assert.Equal(DriftTestData.Json(table), DriftTestData.Json(direct));
    }

    /// <summary>Numbers with missing values, integers, categories, yes/no, decimals, a wide-range score and unique notes.</summary>
}
