using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Inputs;
using ModelGates.Memory;
using ModelGates.Profiles;
using ModelGates.Testing;
using ModelGates.Tests.Sql;

namespace ModelGates.Tests.Inputs;

/// <summary>
/// Quoted CSV, JSON Lines and Parquet beyond the memory limit are profiled, and compared with a stored profile, inside
/// DuckDB (<see cref="InEngineReads"/>): the profile and the drift report equal the exact in-memory ones of the same
/// file within the tolerances docs/scale.md states for pushdown (moments to 1e-9, numeric registers from DuckDB's
/// hash), and a test that needs every current value still reads the values.
/// </summary>
public sealed class InEngineReadsTests : IDisposable
{
    private const int Rows = 12_000;

    private readonly TempDirectory directory = new();

    public InEngineReadsTests()
    {
        // One CSV of every column kind; the formats below are written from it by DuckDB, with a text column whose
        // values hold the delimiter, quotes and a newline, so no direct or streaming CSV reader can take the CSV.
        var plain = directory.Write("plain.csv", GeneratedData.Csv(Rows, seed: 21));
        var shifted = directory.Write("shifted.csv", GeneratedData.Csv(Rows, seed: 22, shift: 40));
        using var engine = new DataEngine();
        foreach (var (source, name) in new[] { (plain, "data"), (shifted, "moved") })
        {
            var select = $"SELECT *, 'note, \"' || id || '\"' || chr(10) || 'end' AS note FROM read_csv('{source}')";
            engine.Execute($"COPY ({select}) TO '{directory.File(name + ".quoted.csv")}' (HEADER, FORCE_QUOTE (note))");
            engine.Execute($"COPY ({select}) TO '{directory.File(name + ".jsonl")}' (FORMAT json)");
            engine.Execute($"COPY ({select}) TO '{directory.File(name + ".parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        }
    }

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("data.quoted.csv")]
    [InlineData("data.jsonl")]
    [InlineData("data.parquet")]
    public void A_file_beyond_the_limit_is_profiled_inside_DuckDB_as_the_exact_profile(string name)
    {
        var source = new DatasetSource(directory.File(name));
        var phases = new List<string>();
        using var exact = new InputPipeline();
        using var bounded = new InputPipeline(phases.Add) { MemoryLimit = MemoryLimit.OfBytes(Rows) };

        var expected = exact.Profile(source).Profile;
        var actual = bounded.Profile(source).Profile;

        Assert.Contains(phases, p => p.Contains("inside DuckDB", StringComparison.Ordinal));
        var compared = ProfileEquivalence.AssertEquivalent(expected, actual, sameTextHash: true);
        Assert.True(compared > 500, $"only {compared} values compared exactly");
        Assert.Equal(Rows, actual.Rows);
        Assert.Equal([source.Path], actual.Sources);
        Assert.Equal(8, actual.Columns.Count);
    }

    [Theory]
    [InlineData("data.quoted.csv", false)]
    [InlineData("moved.quoted.csv", true)]
    [InlineData("data.jsonl", false)]
    [InlineData("moved.jsonl", true)]
    [InlineData("data.parquet", false)]
    [InlineData("moved.parquet", true)]
    public void Drift_of_a_file_beyond_the_limit_against_a_profile_is_judged_inside_DuckDB_as_in_memory(string name, bool moved)
    {
        var phases = new List<string>();
        using var exact = new InputPipeline();
        var profilePath = directory.File("reference.profile.json");
        File.WriteAllBytes(profilePath, ProfileJsonWriter.Write(exact.Profile(new DatasetSource(directory.File("data.parquet"))).Profile));
        using var bounded = new InputPipeline(phases.Add) { MemoryLimit = MemoryLimit.OfBytes(Rows) };
        var source = new DatasetSource(directory.File(name));

        var expected = DriftEngine.Compare(exact.ReadReference(new DatasetSource(profilePath)), exact.ReadColumns(source));
        var actual = DriftEngine.Compare(bounded.ReadReference(new DatasetSource(profilePath)), bounded.ReadColumns(source), progress: phases.Add);

        Assert.Contains(phases, p => p.Contains("inside DuckDB", StringComparison.Ordinal));
        DriftEquivalence.AssertEquivalent(expected, actual);
        Assert.Equal(moved, actual.Columns.Single(c => c.Column == "amount").ValueDrifted);
        Assert.Equal(expected.Current.Hash, actual.Current.Hash);
        Assert.Equal(expected.Current.Rows, actual.Current.Rows);
    }

    [Theory]
    [InlineData("data.quoted.csv")]
    [InlineData("data.jsonl")]
    [InlineData("data.parquet")]
    public void The_estimate_before_loading_bounds_the_table_that_is_loaded(string name)
    {
        using var engine = new DataEngine();
        var file = new DataFile(directory.File(name), new FileInfo(directory.File(name)).Length);
        var format = DataFileResolver.FormatOf(file.Path)!.Value;

        // Decided on an engine that holds no table: the estimate reads a footer or a first megabyte, nothing is loaded.
        var estimate = InEngineReads.EstimatedTableBytes(engine, format, [file]);
        Assert.Equal(0L, SqlValue.ToInt64(engine.Scalar("SELECT count(*) FROM duckdb_tables()")));

        var loaded = DatasetLoader.Load(engine, new DatasetSource(file.Path));
        var actual = loaded.Rows * loaded.Columns.Count * sizeof(double);
        Assert.NotNull(estimate);

        // Parquet's footer gives the rows exactly; JSON Lines' first lines give them to a few per cent; this CSV's records
        // span two lines each (a quoted newline), so its estimate is twice the table: too high is the safe side.
        var (low, high) = format switch
        {
            DataFormat.Parquet => (1.0, 1.0),
            DataFormat.JsonLines => (0.9, 1.1),
            _ => (1.8, 2.2),
        };
        Assert.InRange(estimate.Value, actual * low, actual * high);
    }

    [Theory]
    [InlineData("data.jsonl")]
    [InlineData("data.parquet")]
    public void A_file_estimated_beyond_the_default_limit_is_loaded_under_a_DuckDB_memory_limit_and_one_within_it_is_not(string name)
    {
        var phases = new List<string>();
        using var bounded = new InputPipeline(phases.Add) { MemoryLimit = MemoryLimit.OfBytes(Rows) };
        using var within = new InputPipeline(phases.Add);
        var defaultSetting = (string)within.Engine.Scalar("SELECT current_setting('memory_limit')")!;
        var source = new DatasetSource(directory.File(name));

        bounded.ReadColumns(source);
        within.ReadColumns(source);

        // The limit is given before the load (the line comes between the file's announcement and the table), and the
        // spill folder is the run's own under the system's temporary folder.
        var announced = phases.FindIndex(p => p.StartsWith("Loading", StringComparison.Ordinal));
        var boundLine = phases.FindIndex(p => p.Contains("under a DuckDB memory limit", StringComparison.Ordinal));
        Assert.Equal(announced + 1, boundLine);
        Assert.Single(phases, p => p.Contains("under a DuckDB memory limit", StringComparison.Ordinal));
        Assert.True(bounded.EngineBounded);
        Assert.Equal("128.0 MiB", bounded.Engine.Scalar("SELECT current_setting('memory_limit')"));
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "modelgates-duckdb-"), (string)bounded.Engine.Scalar("SELECT current_setting('temp_directory')")!, StringComparison.Ordinal);
        Assert.False(within.EngineBounded);
        Assert.Equal(defaultSetting, within.Engine.Scalar("SELECT current_setting('memory_limit')"));
        Assert.NotEqual("128.0 MiB", defaultSetting);
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("json")]
    public void A_file_beyond_an_explicit_limit_is_profiled_and_compared_with_a_profile_as_in_memory(string format)
    {
        // 300,000 rows of 8 number columns (18 MB as doubles) beyond an explicit 16 MB limit: DuckDB loads the table
        // under its memory_limit (raised to 128 MB) and profiles it there; the results equal the in-memory ones.
        var path = directory.File("large." + (format == "json" ? "jsonl" : format));
        using (var engine = new DataEngine())
        {
            engine.Execute($"""
                COPY (SELECT i AS id, (i * 7919) % 1000 / 10.0 AS amount, i % 17 AS count, sin(i) AS wave, cos(i) * 3 AS other,
                             (i % 97) * 1.5 AS level, i % 4 AS rating, sqrt(i) AS root, 'c' || (i % 5) AS kind
                      FROM range(300000) t(i)) TO '{path}' (FORMAT {format})
                """);
        }

        var phases = new List<string>();
        using var exact = new InputPipeline();
        using var bounded = new InputPipeline(phases.Add) { MemoryLimit = MemoryLimit.Parse("16MB") };
        var source = new DatasetSource(path);

        var expected = exact.Profile(source).Profile;
        var actual = bounded.Profile(source).Profile;
        var profilePath = directory.File(format + ".profile.json");
        File.WriteAllBytes(profilePath, ProfileJsonWriter.Write(expected));
        var expectedDrift = DriftEngine.Compare(exact.ReadReference(new DatasetSource(profilePath)), exact.ReadColumns(source));
        var actualDrift = DriftEngine.Compare(bounded.ReadReference(new DatasetSource(profilePath)), bounded.ReadColumns(source), progress: phases.Add);

        Assert.Contains(phases, p => p.StartsWith("Profiling 300,000 rows", StringComparison.Ordinal) && p.Contains("inside DuckDB", StringComparison.Ordinal));
        Assert.Contains(phases, p => p.StartsWith("Comparing", StringComparison.Ordinal) && p.Contains("inside DuckDB", StringComparison.Ordinal));
        Assert.Equal("128.0 MiB", bounded.Engine.Scalar("SELECT current_setting('memory_limit')"));
        Assert.True(ProfileEquivalence.AssertEquivalent(expected, actual, sameTextHash: true) > 100);
        DriftEquivalence.AssertEquivalent(expectedDrift, actualDrift);
        Assert.Equal(300_000, actualDrift.Current.Rows);
    }

    [Fact]
    public void A_test_that_needs_every_current_value_reads_the_values_beyond_the_limit_too()
    {
        using var exact = new InputPipeline();
        var profilePath = directory.File("reference.profile.json");
        File.WriteAllBytes(profilePath, ProfileJsonWriter.Write(exact.Profile(new DatasetSource(directory.File("data.parquet"))).Profile));
        var phases = new List<string>();
        using var bounded = new InputPipeline { MemoryLimit = MemoryLimit.OfBytes(Rows) };
        // rating has four values, so the profile holds it exactly and cramer_von_mises may run against it.
        var options = new DriftOptions { Test = "cramer_von_mises", Columns = ["rating"] };
        var source = new DatasetSource(directory.File("moved.parquet"));

        var expected = DriftEngine.Compare(exact.ReadReference(new DatasetSource(profilePath)), exact.ReadColumns(source), options);
        var actual = DriftEngine.Compare(bounded.ReadReference(new DatasetSource(profilePath)), bounded.ReadColumns(source), options, phases.Add);

        Assert.Contains(phases, p => p.Contains("a test needs every value", StringComparison.Ordinal));
        var (column, exactColumn) = (Assert.Single(actual.Columns), Assert.Single(expected.Columns));
        Assert.Equal("cramer_von_mises", column.Test);
        Assert.NotNull(column.Statistic);
        Assert.Equal((exactColumn.Statistic, exactColumn.PValue), (column.Statistic, column.PValue));
    }
}
