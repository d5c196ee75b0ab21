using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Monitoring.History;
using ModelGates.Monitoring.Promotion;
using ModelGates.Sources;
using ModelGates.Testing;
using ModelGates.Tests.Monitoring.Promotion;

namespace ModelGates.Tests.Monitoring.History;

/// <summary>
/// A monitor whose history is a schema on a real PostgreSQL server, through a declared connection whose string is in
/// an environment variable: the same result as with the DuckDB file, incremental reruns, re-judged changed windows, the
/// promotions read from the server, and <c>promote</c> writing its champion record there.
/// </summary>
public sealed class WarehouseMonitorTests : IClassFixture<PostgresServer>, IClassFixture<TrainedCreditModels>, IDisposable
{
    private static readonly DateTime Week1 = new(2026, 6, 1);
    private readonly TempDirectory directory = new();
    private readonly PostgresServer server;
    private readonly TrainedCreditModels trained;
    private readonly string variable = "MG_HISTORY_WAREHOUSE_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string database;

    public WarehouseMonitorTests(PostgresServer server, TrainedCreditModels trained)
    {
        this.server = server;
        this.trained = trained;
        database = server.CreateDatabase("mon_" + Guid.NewGuid().ToString("N")[..10]);
        Environment.SetEnvironmentVariable(variable, database);
        MonitorData.WriteReference(directory);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(variable, null);
        directory.Dispose();
    }

    private static GateRunOptions Options => new() { Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), ToolVersion = "1.0.0" };

    private static MonitorReport Run(string config) => MonitorRun.Run(GatesConfigReader.Read(config), Options);

    /// <summary>The test config of MonitorData with the history on the warehouse connection, as docs/monitoring.md shows it.</summary>
    private string WarehouseConfig(string trigger = "{ \"breaches\": 2, \"of\": 3 }")
    {
        var json = JsonNode.Parse(File.ReadAllText(MonitorData.WriteConfig(directory, trigger: trigger)))!.AsObject();
        json["connections"] = new JsonObject { ["warehouse"] = new JsonObject { ["provider"] = "postgres", ["connectionString"] = $"env:{variable}" } };
        json["monitors"]!["prod"]!.AsObject()["history"] = new JsonObject { ["connection"] = "warehouse", ["schema"] = "modelgates" };
        return directory.Write("warehouse.json", json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Json(MonitorReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            report.WriteJson(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The window hash covers the config's bytes (another file, another hash) and the history names its location.
    private static string WithoutLocation(string json) =>
        Regex.Replace(Regex.Replace(json, "\"hash\":\"[^\"]*\"", "\"hash\":\"…\""), "\"history\":\"[^\"]*\"", "\"history\":\"…\"");

    private MonitorResult Single(MonitorReport report) => Assert.Single(report.Results);

    [PostgresFact]
    public void The_same_monitor_on_the_file_and_on_postgres_gives_the_same_json_apart_from_the_history()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, shift: 3, seed: 3);
        MonitorData.WriteBatch(directory, "w3.csv", Week1.AddDays(14), 100, shift: 3, seed: 4, labels: false);
        var file = MonitorData.WriteConfig(directory);
        var warehouse = WarehouseConfig();

        var onFile = Run(file);
        var onServer = Run(warehouse);

        var serverJson = Json(onServer);
        Assert.Equal(WithoutLocation(Json(onFile)), WithoutLocation(serverJson));
        Assert.Contains("\"history\":\"connection:warehouse/modelgates\"", serverJson, StringComparison.Ordinal);
        Assert.True(Single(onServer).Retrain.Due);
        Assert.Equal("3", server.Psql("SELECT count(*) FROM modelgates.monitor_windows WHERE monitor = 'prod';", new Npgsql.NpgsqlConnectionStringBuilder(database).Database!).Trim());
        Assert.DoesNotContain(PostgresServer.Password, serverJson, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_rerun_judges_no_window_again_and_a_changed_batch_is_judged_again()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, seed: 3);
        var config = WarehouseConfig();

        var first = Single(Run(config));
        var rerun = Single(Run(config));
        directory.Write(Path.Combine("batches", "w3.csv"), MonitorData.Header + "\n2026-06-03 12:00:00,10.5,a,0,0.3\n");
        var late = Single(Run(config));

        Assert.Equal((2, 0), (first.Computed, first.Reused));
        Assert.Equal((0, 2), (rerun.Computed, rerun.Reused));
        Assert.Equal(first.Windows.Select(WindowRecordJson.ToText), rerun.Windows.Select(WindowRecordJson.ToText));
        Assert.Equal((1, 1), (late.Computed, late.Reused));
        Assert.NotEqual(first.Windows[0].Hash, late.Windows[0].Hash);
        Assert.Equal(first.Windows[0].Rows + 1, late.Windows[0].Rows);
        Assert.False(File.Exists(directory.File(Path.Combine(".modelgates", "history.duckdb"))));
    }

    [PostgresFact]
    public void The_cooldown_counts_from_a_promotion_recorded_on_the_server()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100, shift: 3);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, shift: 3, seed: 3);
        var config = WarehouseConfig("{ \"breaches\": 1, \"of\": 2, \"cooldown\": \"28d\" }");
        var promoted = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        using (var store = HistoryStores.Open(HistoryLocation.OnConnection("warehouse", "modelgates"), new ConnectionSet([new ConnectionDeclaration("warehouse", "postgres", variable)])))
        using (var write = store.InsertChampion(new ChampionRecord(promoted, "m", new string('a', 64))
        {
            ModelPath = "model.zip",
            ChallengerPath = "new.zip",
            DataHashes = [],
            Metrics = [],
            Decision = new PromotionDecisionSummary("auc", 0.01, 0.01, []),
        }))
        {
            write.Commit();
        }

        var report = Run(config);
        var result = Single(report);

        Assert.Equal(promoted.UtcDateTime, result.Retrain.LastPromotion);
        Assert.False(result.Retrain.CooldownElapsed);
        Assert.False(result.Retrain.Due);
        Assert.Equal([promoted.UtcDateTime], Assert.Single(report.Trends).Promotions);
    }

    [PostgresFact]
    public void Promote_writes_its_champion_record_to_the_monitor_s_warehouse_history_and_the_monitor_reads_it()
    {
        using var workspace = new PromotionWorkspace(trained.Models);
        MonitorWindowPromotionTests.WriteProduction(workspace.Folder, labelledWeeks: 2);
        MonitorWindowPromotionTests.AddMonitor(workspace.Config);
        var json = JsonNode.Parse(File.ReadAllText(workspace.Config))!.AsObject();
        json["connections"] = new JsonObject { ["warehouse"] = new JsonObject { ["provider"] = "postgres", ["connectionString"] = $"env:{variable}" } };
        json["monitors"]!["prod"]!.AsObject()["history"] = new JsonObject { ["connection"] = "warehouse" };
        File.WriteAllText(workspace.Config, json.ToJsonString());
        var time = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);

        var result = ChampionPromotion.Promote(GatesConfigReader.Read(workspace.Config), new PromotionRequest { Challenger = trained.Models.Good, Time = time });
        var monitor = Single(MonitorRun.Run(GatesConfigReader.Read(workspace.Config), Options));

        Assert.True(result.Promoted, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        Assert.Equal("connection:warehouse/modelgates", result.History);
        Assert.Equal("connection:warehouse/modelgates", result.Written[^1]);
        Assert.False(File.Exists(workspace.History));
        using var store = HistoryStores.Open(HistoryLocation.OnConnection("warehouse", "modelgates"), new ConnectionSet([new ConnectionDeclaration("warehouse", "postgres", variable)]));
        var record = Assert.Single(store.ChampionRecords("credit-risk"));
        Assert.Contains("\"monitorWindow\":{\"monitor\":\"prod\",\"key\":\"2026-06-08T00:00:00Z\"", record, StringComparison.Ordinal);
        Assert.Equal(time.UtcDateTime, monitor.Retrain.LastPromotion);
        Assert.Equal(3, store.Windows("prod").Count);
    }
}
