using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Sources;
using ModelGates.Sql;
using ModelGates.Sql.Pushdown;
using ModelGates.Testing;

namespace ModelGates.Tests.Sql;

/// <summary>
/// Pushdown on a real PostgreSQL server: a profile of a table equals <c>modelgates profile</c> of the CSV it was
/// loaded from, and a drift gate of a table against a stored profile gives what the gate over the CSV gives.
/// </summary>
public sealed class PushdownPostgresTests : IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PushdownPostgresTests(PostgresServer server) => this.server = server;

    [PostgresFact]
    public void Credit_data_profiled_in_postgres_equals_the_file_profile()
    {
        var path = RepoPaths.Combine("samples", "data", "credit_data.csv");
        var (file, pushed, queries) = BothWays(path, "credit");

        Assert.True(ProfileEquivalence.AssertEquivalent(file, pushed, sameTextHash: false) > 1000);
        Assert.InRange(queries, 3, 6);
    }

    [PostgresFact]
    public void Generated_data_profiled_in_postgres_equals_the_file_profile()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("generated.csv", GeneratedData.Csv(20_000, seed: 11));
        var (file, pushed, queries) = BothWays(path, "generated");

        ProfileEquivalence.AssertEquivalent(file, pushed, sameTextHash: false);
        Assert.Equal(6, queries);
        Assert.Equal("postgres-hashtextextended/0", pushed.Find("id")!.Distinct.HashId);
        Assert.Equal("postgres-hashfloat8extended/2685821657736338717", pushed.Find("count")!.Distinct.HashId);
        Assert.Equal(ColumnKind.Text, pushed.Find("id")!.Kind);
    }

    [PostgresFact]
    public void A_query_dataset_is_profiled_as_its_rows()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("generated.csv", GeneratedData.Csv(3_000, seed: 5));
        using var pipeline = new InputPipeline();
        var file = pipeline.Profile(new DatasetSource(path)).Profile;
        PostgresTables.Load(server, "query_source", path, file);
        using var session = PostgresSession.Open("warehouse", server.ConnectionStringFor(PostgresTables.Database(server)));

        var pushed = PushdownProfiler.Profile(session, SqlRelation.OfQuery("select amount, city from query_source where flag", "flagged"));

        Assert.Equal(["flagged"], pushed.Sources);
        Assert.Equal(["amount", "city"], pushed.Columns.Select(c => c.Name));
        Assert.Equal(SqlValueCount(session, "select count(*) from query_source where flag"), pushed.Rows);
    }

    [PostgresTheory]
    [InlineData(0.0)]
    [InlineData(40.0)]
    public void A_gate_over_a_postgres_table_equals_the_gate_over_the_csv(double shift)
    {
        using var dir = new TempDirectory();
        var referencePath = dir.Write("reference.csv", GeneratedData.Csv(20_000, seed: 11));
        var currentPath = dir.Write("current.csv", GeneratedData.Csv(15_000, seed: 12, shift));
        using var pipeline = new InputPipeline();
        var profile = pipeline.Profile(new DatasetSource(referencePath)).Profile;
        var reference = DriftReference.FromProfile(profile, "reference.profile.json", "sha256:0");
        var file = DriftEngine.Compare(reference, pipeline.ReadColumns(new DatasetSource(currentPath)));
        var table = shift > 0 ? "current_shifted" : "current_same";
        PostgresTables.Load(server, table, currentPath, pipeline.Profile(new DatasetSource(currentPath)).Profile);
        using var session = PostgresSession.Open("warehouse", server.ConnectionStringFor(PostgresTables.Database(server)));
        var runner = PushdownRunner.Over(session);

        var pushed = DriftEngine.Compare(reference, runner, SqlRelation.OfTable("public." + table), session.Provider, null, null);

        DriftEquivalence.AssertEquivalent(file, pushed);
        Assert.Equal(3, runner.Queries);
        Assert.Equal(shift > 0, pushed.DatasetDrift || pushed.Columns.Single(c => c.Column == "amount").ValueDrifted);
    }

    [PostgresFact]
    public void A_column_postgres_cannot_profile_is_MG0124_naming_it_and_its_type()
    {
        server.Psql("DROP TABLE IF EXISTS events; CREATE TABLE events (id bigint, payload jsonb, raw bytea, tags text[]); INSERT INTO events VALUES (1, '{}', '\\x00', '{a}');", PostgresTables.Database(server));
        using var session = PostgresSession.Open("warehouse", server.ConnectionStringFor(PostgresTables.Database(server)));

        var error = Assert.Throws<DataReadException>(() => PushdownProfiler.Profile(session, SqlRelation.OfTable("public.events")));

        Assert.Equal(ExitCodes.DataError, error.ExitCode);
        Assert.Equal(["MG0124", "MG0124", "MG0124"], error.Diagnostics.Select(d => d.Code));
        Assert.Equal(["payload", "raw", "tags"], error.Diagnostics.Select(d => d.Column));
        Assert.Contains("jsonb", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"public\".\"events\"", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    private (DatasetProfile File, DatasetProfile Pushed, int Queries) BothWays(string path, string table)
    {
        using var pipeline = new InputPipeline();
        var file = pipeline.Profile(new DatasetSource(path)).Profile;
        PostgresTables.Load(server, table, path, file);
        using var session = PostgresSession.Open("warehouse", server.ConnectionStringFor(PostgresTables.Database(server)));
        var runner = PushdownRunner.Over(session);
        var pushed = PushdownProfiler.Profile(runner, SqlRelation.OfTable("public." + table), null, null, session.Provider, null);
        return (file, pushed, runner.Queries);
    }

    private static long SqlValueCount(SqlSession session, string sql) => PushdownSql.Long(session.Row(sql)[0]);
}
