using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Sources;
using ModelGates.Testing;

namespace ModelGates.Core.Tests.Sources;

/// <summary>Database datasets in the one input pipeline: one lazily opened session per connection per run, closed with the pipeline, progress that names what is queried and never the connection string.</summary>
public sealed class DatabasePipelineTests : IClassFixture<PostgresServer>
{
    private const string Variable = "MG_TEST_PIPELINE_WAREHOUSE";
    private readonly PostgresServer server;

    public DatabasePipelineTests(PostgresServer server)
    {
        this.server = server;
        lock (Loaded)
        {
            if (Loaded.Add(server.Port))
            {
                Environment.SetEnvironmentVariable(Variable, PostgresCreditTables.Create(server, "pipeline"));
            }
        }
    }

    private static readonly HashSet<int> Loaded = [];

    [PostgresFact]
    public void One_session_per_connection_opened_on_first_use_and_closed_with_the_pipeline()
    {
        var lines = new List<string>();
        var connections = ConnectionSet.FromCommandLine(["warehouse=postgres:env:" + Variable], null, null);
        int during;
        using (var pipeline = new InputPipeline(lines.Add) { Connections = connections })
        {
            Assert.Equal(0, Sessions());
            var table = pipeline.Profile(connections.DataArgument("table:warehouse.public.applications")!);
            var query = pipeline.Profile(connections.DataArgument("sql:warehouse:select \"Age\" from public.applications")!);
            during = Sessions();
            Assert.Equal(PostgresCreditTables.Rows, table.Profile.Rows);
            Assert.Equal(PostgresCreditTables.Rows, query.Profile.Rows);
        }

        Assert.Equal(1, during);
        Assert.Equal(0, SessionsOnceClosed());
        Assert.Single(lines, l => l == "Connecting to 'warehouse' (postgres)");
        Assert.Contains("Profiling table:warehouse.public.applications in the database", lines);
        Assert.Contains("Profiling sql:warehouse:select \"Age\" from public.applications in the database", lines);
        Assert.All(lines, l => Assert.DoesNotContain(PostgresServer.Password, l, StringComparison.Ordinal));
    }

    [PostgresFact]
    public void A_reader_that_needs_every_row_refuses_a_database_dataset_with_MG0039()
    {
        var connections = ConnectionSet.FromCommandLine(["warehouse=postgres:env:" + Variable], null, null);
        using var pipeline = new InputPipeline { Connections = connections };

        var error = Assert.Throws<ConfigurationException>(() => pipeline.ReadTable(connections.DataArgument("table:warehouse.public.applications")!));

        Assert.Equal("MG0039", error.Diagnostics[0].Code);
        Assert.Equal(0, Sessions());
    }

    [PostgresFact]
    public void The_hash_of_a_database_dataset_follows_its_aggregates_not_the_connection()
    {
        var connections = ConnectionSet.FromCommandLine(["a=postgres:env:" + Variable, "b=postgres:env:" + Variable], null, null);
        using var pipeline = new InputPipeline { Connections = connections };
        var a = pipeline.ReadDatabase(connections.DataArgument("table:a.public.applications")!.Database!);
        var b = pipeline.ReadDatabase(connections.DataArgument("table:b.public.applications")!.Database!);
        var broken = pipeline.ReadDatabase(connections.DataArgument("table:a.public.broken")!.Database!);

        Assert.Equal(a.Hash("rows\t827\n"u8), b.Hash("rows\t827\n"u8));
        Assert.NotEqual(a.Hash("rows\t827\n"u8), a.Hash("rows\t826\n"u8));
        Assert.NotEqual(a.Hash("rows\t827\n"u8), broken.Hash("rows\t827\n"u8));
        Assert.StartsWith("sha256:", a.Hash([]), StringComparison.Ordinal);
    }

    // A closed connection's server process leaves pg_stat_activity a moment after the client hangs up.
    private int SessionsOnceClosed()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int count;
        while ((count = Sessions()) > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        return count;
    }

    private int Sessions() =>
        int.Parse(server.Psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'modelgates' AND datname = 'pipeline';").Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
