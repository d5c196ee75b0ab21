using System.Text;
using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Sql;
using ModelGates.Sql.Dialects;
using ModelGates.Sql.Pushdown;
using ModelGates.Testing;

namespace ModelGates.Tests.Sql;

/// <summary>
/// The full set of queries a profile and a drift gate send for a fixed small schema, per dialect, compared as text
/// with the golden files under <c>Sql/Golden/</c> (each construct checked against the engine's documentation page
/// listed in <c>Golden/README.md</c>). Set <c>MODELGATES_UPDATE_GOLDEN=1</c> to rewrite them after a deliberate change.
/// </summary>
public sealed class GoldenQueryTests
{
    private static readonly ProfileSettings Small = new() { QuantilePoints = 8, HistogramBins = 4, DriftBins = 4, MaxCategories = 5, TopTextValues = 3 };

    public static TheoryData<string> Dialects => ["postgres", "duckdb", "spark", "trino", "snowflake"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_profile_sends_the_golden_queries(string dialect)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("golden.csv", GeneratedData.Csv(200, seed: 1));
        using var pipeline = new InputPipeline();
        var table = DatasetLoader.Load(pipeline.Engine, new DatasetSource(path)).Table.Trim('"');
        using var session = new DuckDbSession(pipeline.Engine);
        var runner = new TranscriptRunner(DialectOf(dialect), session);

        var profile = PushdownProfiler.Profile(runner, SqlRelation.OfTable("main." + table), Small, null, "duckdb", dialect == "duckdb" ? session : null);

        Assert.Equal(200, profile.Rows);
        Assert.InRange(runner.Queries, 6, dialect == "trino" ? 6 + 3 : 6);
        AssertGolden($"profile.{dialect}.sql", Normalise(runner.Transcript, table));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_drift_gate_sends_the_golden_queries(string dialect)
    {
        using var dir = new TempDirectory();
        var referencePath = dir.Write("reference.csv", GeneratedData.Csv(200, seed: 1));
        var currentPath = dir.Write("current.csv", GeneratedData.Csv(150, seed: 2, shift: 100));
        using var pipeline = new InputPipeline();
        var profile = pipeline.Profile(new DatasetSource(referencePath), Small).Profile;
        var table = DatasetLoader.Load(pipeline.Engine, new DatasetSource(currentPath)).Table.Trim('"');
        using var session = new DuckDbSession(pipeline.Engine);
        var runner = new TranscriptRunner(DialectOf(dialect), session);

        var report = DriftEngine.Compare(DriftReference.FromProfile(profile, "golden.profile.json", "sha256:0"), runner, SqlRelation.OfTable("main." + table), "duckdb", null, null);

        Assert.Equal(150, report.Current.Rows);
        Assert.Equal(3, runner.Queries);
        AssertGolden($"drift.{dialect}.sql", Normalise(runner.Transcript, table));
    }

    internal static ISqlDialect DialectOf(string name) => name switch
    {
        "postgres" => PostgresDialect.Instance,
        "duckdb" => DuckDbDialect.Instance,
        "spark" => SparkDialect.Instance,
        "trino" => TrinoDialect.Instance,
        _ => SnowflakeDialect.Instance,
    };

    // The loader's table name carries a counter; the golden files say "scoring".
    private static string Normalise(string transcript, string table) => transcript.Replace(table, "scoring", StringComparison.Ordinal);

    private static void AssertGolden(string name, string actual)
    {
        var path = RepoPaths.Combine("tests", "ModelGates.Core.Tests", "Sql", "Golden", name);
        if (Environment.GetEnvironmentVariable("MODELGATES_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"{name} is missing; run with MODELGATES_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
