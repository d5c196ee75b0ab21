using System.Text.Json.Nodes;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests.Monitoring;

/// <summary>
/// <c>modelgates monitor</c> on the sample's production batches with the history on a real PostgreSQL server, the
/// connection string in MODELGATES_WAREHOUSE as docs/monitoring.md shows it: the same result as with the file, a rerun
/// judges nothing again, and a refused login is MG0121 with exit code 3 and no secret.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class MonitorWarehouseHistoryTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly DatabaseFixture database;
    private readonly string schema = "history_" + Guid.NewGuid().ToString("N")[..8];

    public MonitorWarehouseHistoryTests(DatabaseFixture database)
    {
        this.database = database;
        var sample = RepoPaths.Combine("samples", "CreditRisk");
        foreach (var file in Directory.GetFiles(Path.Combine(sample, "production"), "*.csv", SearchOption.AllDirectories))
        {
            var target = directory.File(Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(sample, "modelgates.monitor.json")))!.AsObject();
        json.Remove("$schema");
        File.WriteAllText(directory.File("file.json"), json.ToJsonString());
        json["connections"] = new JsonObject { ["warehouse"] = new JsonObject { ["provider"] = "postgres", ["connectionString"] = "env:" + DatabaseFixture.Variable } };
        json["monitors"]!["scoring"]!.AsObject()["history"] = new JsonObject { ["connection"] = "warehouse", ["schema"] = schema };
        File.WriteAllText(directory.File("modelgates.json"), json.ToJsonString());
    }

    public void Dispose() => directory.Dispose();

    private CliResult Monitor(IReadOnlyDictionary<string, string> environment, string config = "modelgates.json") =>
        CliRunner.Run(directory.Path, environment, "monitor", "--config", config, "--format", "json");

    [PostgresFact]
    public void Monitor_keeps_its_history_on_the_warehouse_and_a_rerun_reuses_every_window()
    {
        var first = Monitor(database.Environment);
        var again = Monitor(database.Environment);
        var historyFile = File.Exists(directory.File(Path.Combine(".modelgates", "history.duckdb")));
        var onFile = Monitor(database.Environment, "file.json");

        Assert.True(first.ExitCode == 1, first.ToString());
        var monitor = Assert.Single(first.Json().GetProperty("monitors").EnumerateArray());
        Assert.Equal($"connection:warehouse/{schema}", monitor.GetProperty("history").GetString());
        Assert.Equal((26, 0), (monitor.GetProperty("windowsComputed").GetInt32(), monitor.GetProperty("windowsReused").GetInt32()));
        Assert.True(monitor.GetProperty("retrain").GetProperty("due").GetBoolean());

        Assert.True(again.ExitCode == 1, again.ToString());
        var rerun = Assert.Single(again.Json().GetProperty("monitors").EnumerateArray());
        Assert.Equal((0, 26), (rerun.GetProperty("windowsComputed").GetInt32(), rerun.GetProperty("windowsReused").GetInt32()));

        // The same windows and decision as with the history file (each window's hash covers its config's bytes).
        var fileMonitor = Assert.Single(onFile.Json().GetProperty("monitors").EnumerateArray());
        Assert.Equal(
            fileMonitor.GetProperty("windows").EnumerateArray().Select(w => (w.GetProperty("key").GetString(), w.GetProperty("status").GetString(), w.GetProperty("rows").GetInt64())),
            monitor.GetProperty("windows").EnumerateArray().Select(w => (w.GetProperty("key").GetString(), w.GetProperty("status").GetString(), w.GetProperty("rows").GetInt64())));
        Assert.Equal(fileMonitor.GetProperty("retrain").GetRawText(), monitor.GetProperty("retrain").GetRawText());
        Assert.Equal("26", database.Server.Psql($"SELECT count(*) FROM {schema}.monitor_windows WHERE monitor = 'scoring';", "warehouse").Trim());
        Assert.False(historyFile);
        DatabaseCommandTests.AssertNoSecret(first);
    }

    [PostgresFact]
    public void A_refused_login_is_mg0121_with_exit_code_3_and_no_secret()
    {
        var wrong = database.ConnectionString.Replace(PostgresServer.Password, "wrong-" + PostgresServer.Password, StringComparison.Ordinal);

        var result = Monitor(new Dictionary<string, string> { [DatabaseFixture.Variable] = wrong });

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("MG0121", result.Codes());
        Assert.DoesNotContain("wrong-", result.Stdout + result.Stderr, StringComparison.Ordinal);
        DatabaseCommandTests.AssertNoSecret(result);
    }
}
