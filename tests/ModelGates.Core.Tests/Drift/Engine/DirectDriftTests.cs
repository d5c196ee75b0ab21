using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
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
        using var pipeline = new InputPipeline();
        var input = pipeline.ReadColumns(new DatasetSource(current));
        var phases = new List<string>();

        var report = DriftEngine.Compare(pipeline.ReadReference(new DatasetSource(reference)), input, progress: phases.Add);

        Assert.True(input.ReadDirectly);
        Assert.Contains(phases, p => p.EndsWith("into a table", StringComparison.Ordinal));
        Assert.True(report.Column("code").Drifted);
    }

    [Fact]
    public void A_current_file_outside_the_direct_path_is_read_as_a_table()
    {
        using var dir = new TempDirectory();
        var current = dir.Write("current.csv", "amount,count,city,flag,temp,score,note\n\"1\",2,Oslo,yes,1,2,n\n");
        using var pipeline = new InputPipeline();

        Assert.False(pipeline.ReadColumns(new DatasetSource(current)).ReadDirectly);
    }

    /// <summary>The current file read directly, against the same file loaded as a table; both compared with the same reference.</summary>
    private static DriftReport AssertSameAsTable(string reference, string current, DriftOptions? options, bool profile)
    {
        // The column reads are compared here; the multivariate checks read sampled rows from tables on every path (MultivariateDriftTests).
        options = (options ?? DriftOptions.Default) with { Multivariate = MultivariateDrift.Off };
        using var pipeline = new InputPipeline();
        var driftReference = profile
            ? DriftReference.ReadProfile(DriftTestData.WriteProfile(reference))
            : DriftReference.FromDataset(DatasetLoader.Load(pipeline.Engine, new DatasetSource(reference)), "sha256:reference");
        var input = pipeline.ReadColumns(new DatasetSource(current));

        var direct = DriftEngine.Compare(driftReference, input, options);
        var table = DriftEngine.Compare(pipeline.Engine, driftReference, DatasetLoader.Load(pipeline.Engine, new DatasetSource(current)), options, input.Hash);

        Assert.True(input.ReadDirectly);
        Assert.Equal(DriftTestData.Json(table), DriftTestData.Json(direct));
        return direct;
    }

    /// <summary>Both files read directly (a raw pair with no table at all) against both loaded as tables.</summary>
    private static void AssertDirectReferenceSameAsTable(string reference, string current, DriftOptions? options)
    {
        options = (options ?? DriftOptions.Default) with { Multivariate = MultivariateDrift.Off };
        using var pipeline = new InputPipeline();
        var directReference = pipeline.ReadReference(new DatasetSource(reference));
        var input = pipeline.ReadColumns(new DatasetSource(current));
        var tableReference = DriftReference.FromDataset(DatasetLoader.Load(pipeline.Engine, new DatasetSource(reference)), directReference.Hash);

        var direct = DriftEngine.Compare(directReference, input, options);
        var table = DriftEngine.Compare(pipeline.Engine, tableReference, DatasetLoader.Load(pipeline.Engine, new DatasetSource(current)), options, input.Hash);

        Assert.True(directReference.Input!.ReadDirectly);
        Assert.True(input.ReadDirectly);
        Assert.Equal(DriftTestData.Json(table), DriftTestData.Json(direct));
    }
}
