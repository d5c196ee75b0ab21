using System.Text.Json;
using System.Text.Json.Nodes;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Monitoring.Incremental;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.History;

/// <summary>
/// Incremental reruns with the history on a real PostgreSQL server: the record of the input files lives in
/// <c>monitor_inputs</c>, a rerun reads only the new file, and tables of schema version 1 are migrated in place.
/// </summary>
public sealed class WarehouseIncrementalTests : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly DateTime Week1 = new(2026, 6, 1);
    private readonly TempDirectory directory = new();
    private readonly PostgresServer server;
    private readonly string variable = "MG_INCREMENTAL_WAREHOUSE_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string database;
    private readonly string databaseName;

    public WarehouseIncrementalTests(PostgresServer server)
    {
        this.server = server;
        databaseName = "inc_" + Guid.NewGuid().ToString("N")[..10];
        database = server.CreateDatabase(databaseName);
        Environment.SetEnvironmentVariable(variable, database);
        MonitorData.WriteReference(directory);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(variable, null);
        directory.Dispose();
    }

    private static GateRunOptions Options => new() { Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), ToolVersion = "1.0.0" };

    private static MonitorResult Run(string config) => Assert.Single(MonitorRun.Run(GatesConfigReader.Read(config), Options).Results);

    private string WarehouseConfig()
    {
        var json = JsonNode.Parse(File.ReadAllText(MonitorData.WriteConfig(directory)))!.AsObject();
        json["connections"] = new JsonObject { ["warehouse"] = new JsonObject { ["provider"] = "postgres", ["connectionString"] = $"env:{variable}" } };
        json["monitors"]!["prod"]!.AsObject()["history"] = new JsonObject { ["connection"] = "warehouse", ["schema"] = "modelgates" };
        return directory.Write("warehouse.json", json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    [PostgresFact]
    public void A_rerun_reads_only_the_new_file_and_a_late_row_reads_the_files_of_its_window()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, seed: 3);
        var config = WarehouseConfig();
        var first = Run(config);

        MonitorData.WriteBatch(directory, "w3.csv", Week1.AddDays(14), 100, seed: 4);
        var newWeek = Run(config);
        directory.Write(Path.Combine("batches", "w4.csv"), MonitorData.Header + "\n2026-06-10 12:00:00,10.5,a,0,0.3\n");
        var late = Run(config);

        Assert.Equal((2, 2), (first.FilesRead, first.Computed));
        Assert.Equal((1, 1, 2), (newWeek.FilesRead, newWeek.Computed, newWeek.Reused));
        Assert.Equal(3, late.FilesRead); // w4.csv to place its row, then w4.csv with w2.csv
        Assert.Equal((1, 2), (late.Computed, late.Reused));
        Assert.Equal(newWeek.Windows[1].Rows + 1, late.Windows[1].Rows);
        var state = InputState.Read(server.Psql("SELECT state FROM modelgates.monitor_inputs WHERE monitor = 'prod';", databaseName).Trim());
        Assert.Equal(["w1.csv", "w2.csv", "w3.csv", "w4.csv"], state!.Files.Select(f => Path.GetFileName(f.Path)));
    }

    [PostgresFact]
    public void Tables_of_schema_version_1_are_migrated_and_read_in_full_once()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, seed: 3);
        var config = WarehouseConfig();
        Run(config);
        server.Psql("DROP TABLE modelgates.monitor_inputs; UPDATE modelgates.monitor_meta SET value = '1' WHERE key = 'schemaVersion';", databaseName);

        var migrated = Run(config);
        var rerun = Run(config);

        Assert.Equal((2, 0, 2), (migrated.FilesRead, migrated.Computed, migrated.Reused));
        Assert.Equal((0, 0, 2), (rerun.FilesRead, rerun.Computed, rerun.Reused));
        Assert.Equal("2", server.Psql("SELECT value FROM modelgates.monitor_meta WHERE key = 'schemaVersion';", databaseName).Trim());
    }
}
