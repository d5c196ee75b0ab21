using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Sources;
using ModelGates.Testing;

namespace ModelGates.Core.Tests.Sources;

/// <summary>Connections and database datasets in modelgates.json: read as docs/config.md shows, every mistake an MG code at its line, no secret ever repeated.</summary>
public sealed class ConnectionConfigTests : IDisposable
{
    private const string Variable = "MG_TEST_CONFIG_WAREHOUSE";
    private readonly TempDirectory directory = new();

    public ConnectionConfigTests() => Environment.SetEnvironmentVariable(Variable, "Host=db.internal;Username=ci;Password=config-test-secret;Database=dw");

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_documented_connection_and_datasets_read_into_declarations()
    {
        var config = Read($$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{Variable}}", "statementTimeout": "120s" } },
              "datasets": {
                "scoring": { "connection": "warehouse", "table": "public.applications" },
                "recent": { "connection": "warehouse", "query": "select * from applications where day >= date '2026-11-01'" }
              }
            }
            """);

        var connection = Assert.Single(config.Connections);
        Assert.Equal(("warehouse", "postgres", Variable, TimeSpan.FromSeconds(120)), (connection.Name, connection.Provider, connection.Variable, connection.StatementTimeout));
        Assert.Equal(new DatabaseSource("warehouse", "public.applications", null), config.FindDataset("scoring")!.Database! with { Location = null });
        Assert.Equal("table:warehouse.public.applications", config.FindDataset("scoring")!.Path);
        Assert.Equal("select * from applications where day >= date '2026-11-01'", config.FindDataset("recent")!.Database!.Query);
        Assert.Equal(5, config.FindDataset("recent")!.Database!.Location!.Line);
    }

    [Fact]
    public void A_written_out_connection_string_is_MG0035_and_the_message_does_not_repeat_it()
    {
        var error = ReadFails("""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "Host=db;Username=ci;Password=written-out-99" } }
            }
            """);

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("MG0035", 2, 79), (diagnostic.Code, diagnostic.Line, diagnostic.SourceColumn));
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.Contains("env:VARIABLE", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("written-out-99", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=db", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("a *** b", SecretMask.Mask("a written-out-99 b"));
    }

    [Fact]
    public void An_unset_variable_is_MG0036_naming_the_variable()
    {
        var error = ReadFails("""
            { "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:MG_TEST_NEVER_SET_ANYWHERE" } } }
            """);

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("MG0036", 1), (diagnostic.Code, diagnostic.Line));
        Assert.Contains("'MG_TEST_NEVER_SET_ANYWHERE'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "connection": "warehous", "table": "t" }""", "MG0037", "Did you mean 'warehouse'?")]
    [InlineData("""{ "connection": "warehouse", "table": "t", "query": "select 1" }""", "MG0039", "both 'table' and 'query'")]
    [InlineData("""{ "connection": "warehouse" }""", "MG0039", "needs 'table' (schema.name) or 'query'")]
    [InlineData("""{ "table": "t" }""", "MG0039", "has 'table' but no 'connection'")]
    [InlineData("""{ "connection": "warehouse", "table": "t", "path": "x.csv" }""", "MG0039", "'path' is an option of file datasets")]
    [InlineData("""{ "connection": "warehouse", "table": "db.public.t" }""", "MG0039", "'name' or 'schema.name'")]
    [InlineData("""{ "connection": "warehouse", "query": "  " }""", "MG0039", "'query' is empty")]
    [InlineData("""{ "connection": "warehouse", "tabel": "t" }""", "MG0012", "Did you mean 'table'?")]
    public void A_wrong_database_dataset_is_an_MG_code_at_its_line(string dataset, string code, string message)
    {
        var error = ReadFails($$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{Variable}}" } },
              "datasets": {
                "scoring": {{dataset}}
              }
            }
            """);

        Assert.Contains(error.Diagnostics, d => d.Code == code && d.Line == 4 && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "provider": "mysql", "connectionString": "env:X" }""", "MG0038", "the providers are: postgres")]
    [InlineData("""{ "provider": "postgres", "connectionString": "env:X", "statementTimeout": "2 minutes" }""", "MG0015", "500ms, 120s, 20m or 1h")]
    [InlineData("""{ "provider": "postgres", "connectionString": "env:1X" }""", "MG0035", "after 'env:'")]
    [InlineData("""{ "provider": "postgres" }""", "MG0014", "'connectionString'")]
    [InlineData("""{ "provider": "postgres", "connectionString": "env:X", "timeout": "1s" }""", "MG0012", "Unknown key 'timeout'")]
    public void A_wrong_connection_is_an_MG_code_at_its_line(string connection, string code, string message)
    {
        Environment.SetEnvironmentVariable("X", "Host=x");
        var error = ReadFails($$"""
            {
              "connections": { "warehouse": {{connection}} }
            }
            """);

        Assert.Contains(error.Diagnostics, d => d.Code == code && d.Line == 2 && d.Message.Contains(message, StringComparison.Ordinal));
    }

    private GatesConfig Read(string json) => GatesConfigReader.Read(directory.Write("modelgates.json", json));

    private ConfigurationException ReadFails(string json) => Assert.Throws<ConfigurationException>(() => Read(json));
}
