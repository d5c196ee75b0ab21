using System.Text.Json;
using System.Text.Json.Nodes;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.History;

/// <summary>A monitor's <c>history</c> as a file path or as an object naming a connection, and its mistakes (MG0230, MG0037, MG0012).</summary>
public sealed class HistoryConfigTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string variable = "MG_HISTORY_CONFIG_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public HistoryConfigTests()
    {
        MonitorData.WriteReference(directory);
        MonitorData.WriteBatch(directory, "w1.csv", new DateTime(2026, 6, 1), 10);
        Environment.SetEnvironmentVariable(variable, "Host=127.0.0.1;Username=u;Password=not-read-here");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(variable, null);
        directory.Dispose();
    }

    /// <summary>The test monitor's config with the warehouse connection declared and <paramref name="history"/> as its history.</summary>
    private string Config(JsonNode? history)
    {
        var json = JsonNode.Parse(File.ReadAllText(MonitorData.WriteConfig(directory)))!.AsObject();
        json["connections"] = new JsonObject { ["warehouse"] = new JsonObject { ["provider"] = "postgres", ["connectionString"] = $"env:{variable}" } };
        json["monitors"]!["prod"]!.AsObject()["history"] = history;
        return directory.Write("modelgates.json", json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    [Fact]
    public void The_documented_snippet_puts_the_history_on_the_warehouse_connection()
    {
        var page = File.ReadAllText(RepoPaths.Combine("docs", "monitoring.md"));
        var section = page[page.IndexOf("### The history in a warehouse", StringComparison.Ordinal)..];
        var snippet = JsonNode.Parse(MarkdownBlocks.Of(section, "json")[0])!.AsObject();
        var monitor = snippet["monitors"]!["scoring"]!.AsObject();
        var connection = snippet["connections"]!["warehouse"]!.AsObject();
        Assert.All(monitor.Select(p => p.Key), key => Assert.Contains(key, ConfigKeys.Monitor.Accepted));
        Assert.Equal("env:MODELGATES_WAREHOUSE", connection["connectionString"]!.GetValue<string>());
        Assert.Contains("export MODELGATES_WAREHOUSE=", MarkdownBlocks.Of(section, "bash")[0], StringComparison.Ordinal);

        var config = GatesConfigReader.Read(Config(monitor["history"]!.DeepClone()));

        var history = Assert.Single(config.Monitors).History;
        Assert.Equal(("warehouse", "modelgates", null), (history.Connection, history.Schema, history.File));
        Assert.Equal("connection:warehouse/modelgates", history.Display(directory.Path));
    }

    [Fact]
    public void The_schema_defaults_to_modelgates_and_a_string_stays_a_file_beside_the_config()
    {
        var onConnection = Assert.Single(GatesConfigReader.Read(Config(new JsonObject { ["connection"] = "warehouse" })).Monitors).History;
        var onFile = Assert.Single(GatesConfigReader.Read(Config(JsonValue.Create("state/history.duckdb"))).Monitors).History;

        Assert.Equal(("warehouse", "modelgates"), (onConnection.Connection, onConnection.Schema));
        Assert.Equal(directory.File(Path.Combine("state", "history.duckdb")), onFile.File);
        Assert.Null(onFile.Connection);
        Assert.Equal("state/history.duckdb", onFile.Display(directory.Path));
    }

    [Theory]
    [InlineData("\".modelgates/history.duckdb\"", true)]
    [InlineData("""{ "connection": "warehouse", "schema": "modelgates" }""", true)]
    [InlineData("""{ "connection": "warehouse" }""", true)]
    [InlineData("""{ "schema": "modelgates" }""", false)]
    [InlineData("""{ "connection": "warehouse", "schema": "model-gates" }""", false)]
    [InlineData("""{ "connection": "warehouse", "schemas": "x" }""", false)]
    [InlineData("42", false)]
    public void The_json_schema_accepts_what_the_reader_accepts(string history, bool valid)
    {
        var path = Config(JsonNode.Parse(history));
        var result = ModelGates.Tests.Schemas.SchemaFiles.Get("modelgates.schema.json").Evaluate(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid, Record.Exception(() => GatesConfigReader.Read(path)) is null);
    }

    [Theory]
    [InlineData("""{ "connection": "warehouse", "schema": "model-gates" }""", "MG0230", "model-gates")]
    [InlineData("""{ "connection": "warehouse", "schema": "1st" }""", "MG0230", "1st")]
    [InlineData("""{ "schema": "modelgates" }""", "MG0230", "needs 'connection'")]
    [InlineData("""42""", "MG0230", "file path")]
    [InlineData("""{ "connection": "warehous" }""", "MG0037", "Did you mean 'warehouse'?")]
    [InlineData("""{ "connection": "warehouse", "schemas": "x" }""", "MG0012", "schemas")]
    public void A_malformed_history_is_reported_at_its_line_with_exit_code_2(string history, string code, string said)
    {
        var path = Config(JsonNode.Parse(history));

        var e = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        var d = Assert.Single(e.Diagnostics, x => x.Code == code);
        Assert.Equal(ExitCodes.UsageError, e.ExitCode);
        Assert.Contains(said, d.Message, StringComparison.Ordinal);
        Assert.Equal(path, d.File);
        var lines = File.ReadAllLines(path);
        Assert.InRange(d.Line!.Value, Array.FindIndex(lines, l => l.Contains("\"history\"", StringComparison.Ordinal)) + 1, lines.Length);
    }
}
