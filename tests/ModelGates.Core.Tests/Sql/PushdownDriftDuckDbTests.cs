using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Sql;
using ModelGates.Sql.Pushdown;
using ModelGates.Testing;

namespace ModelGates.Tests.Sql;

/// <summary>A drift gate of a DuckDB table against a stored profile gives what the same gate over a CSV of the same rows gives.</summary>
public sealed class PushdownDriftDuckDbTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(40.0)]
    public void A_gate_over_a_table_equals_the_gate_over_the_csv(double shift)
    {
        using var dir = new TempDirectory();
        var referencePath = dir.Write("reference.csv", GeneratedData.Csv(20_000, seed: 11));
        var currentPath = dir.Write("current.csv", GeneratedData.Csv(15_000, seed: 12, shift));
        var (file, pushed, queries) = BothWays(referencePath, currentPath, null);

        DriftEquivalence.AssertEquivalent(file, pushed);
        Assert.Equal(3, queries);
        Assert.Equal(shift > 0, pushed.Columns.Single(c => c.Column == "amount").ValueDrifted);
        Assert.Contains(pushed.Columns, c => c.Input == DriftInputShape.Sketch);
        Assert.Contains(pushed.Columns, c => c.Input == DriftInputShape.Bins);
        Assert.Contains(pushed.Columns, c => c.Input == DriftInputShape.Categories);
    }

    [Fact]
    public void Credit_data_against_its_own_profile_equals_the_file_gate()
    {
        var path = RepoPaths.Combine("samples", "data", "credit_data.csv");
        var (file, pushed, _) = BothWays(path, path, null);

        DriftEquivalence.AssertEquivalent(file, pushed);
        Assert.False(pushed.DatasetDrift);
    }

    [Fact]
    public void A_test_that_needs_every_current_value_is_MG0141()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("data.csv", GeneratedData.Csv(3_000, seed: 3));
        var options = new DriftOptions { Test = "cramer_von_mises", Columns = ["rating"] };

        var error = Assert.Throws<ConfigurationException>(() => BothWays(path, path, options, fileToo: false));

        Assert.Equal("MG0141", error.Diagnostics[0].Code);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void Raw_reference_data_is_MG0142()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("data.csv", GeneratedData.Csv(100, seed: 3));
        using var pipeline = new InputPipeline();
        var loaded = DatasetLoader.Load(pipeline.Engine, new DatasetSource(path));
        using var session = new DuckDbSession(pipeline.Engine);

        var error = Assert.Throws<ConfigurationException>(() =>
            DriftEngine.Compare(DriftReference.FromDataset(loaded), session, SqlRelation.OfTable(loaded.Table.Trim('"'))));

        Assert.Equal("MG0142", error.Diagnostics[0].Code);
    }

    internal static (DriftReport File, DriftReport Pushed, int Queries) BothWays(string referencePath, string currentPath, DriftOptions? options, bool fileToo = true)
    {
        using var pipeline = new InputPipeline();
        var profile = pipeline.Profile(new DatasetSource(referencePath)).Profile;
        var reference = DriftReference.FromProfile(profile, "reference.profile.json", "sha256:0");
        var file = fileToo ? DriftEngine.Compare(reference, pipeline.ReadColumns(new DatasetSource(currentPath)), options) : null;
        var loaded = DatasetLoader.Load(pipeline.Engine, new DatasetSource(currentPath));
        using var session = new DuckDbSession(pipeline.Engine);
        var runner = PushdownRunner.Over(session);
        var pushed = DriftEngine.Compare(reference, runner, SqlRelation.OfTable(loaded.Table.Trim('"')), session.Provider, options, null);
        return (file!, pushed, runner.Queries);
    }
}
