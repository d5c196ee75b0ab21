using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>
/// Real gates over a real server, passing, failing and stopped by a server error whose message quotes the
/// password: no output of any kind (stdout and stderr in every format, the report folder, the MSBuild diagnostics
/// file) holds the password or the connection string.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatabaseSecretTests(DatabaseFixture database) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [PostgresFact]
    public void Passing_and_failing_database_gates_print_no_secret_in_any_output()
    {
        var contract = DatabaseCommandTests.CreditContractWithoutSqlChecks(directory);
        var config = directory.Write("modelgates.json", $$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{DatabaseFixture.Variable}}", "statementTimeout": "60s" } },
              "datasets": {
                "scoring": { "connection": "warehouse", "table": "public.applications" },
                "broken": { "connection": "warehouse", "query": "select * from public.broken" }
              },
              "contracts": {
                "scoring": { "dataset": "scoring", "contract": "{{Path.GetFileName(contract)}}" },
                "broken": { "dataset": "broken", "contract": "{{Path.GetFileName(contract)}}" }
              }
            }
            """);

        var outputs = RunEveryFormat(config, out var exitCodes);

        Assert.All(exitCodes, code => Assert.Equal(1, code));
        var json = outputs["stdout json"];
        Assert.Contains("\"contract:scoring/", json, StringComparison.Ordinal);
        Assert.Contains("MG2006", json, StringComparison.Ordinal);
        Assert.Contains("table:warehouse.public.applications", File.ReadAllText(directory.File("reports/modelgates.result.json")), StringComparison.Ordinal);
        AssertNoSecretIn(outputs);
    }

    [PostgresFact]
    public void A_server_message_that_quotes_the_password_is_masked_everywhere()
    {
        var config = directory.Write("modelgates.json", $$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{DatabaseFixture.Variable}}" } },
              "datasets": { "odd": { "connection": "warehouse", "query": "select '{{PostgresServer.Password}}'::int as x" } },
              "contracts": { "odd": { "dataset": "odd", "contract": { "columns": { "x": { "type": "integer" } } } } }
            }
            """);

        var outputs = RunEveryFormat(config, out var exitCodes);

        Assert.All(exitCodes, code => Assert.Equal(3, code));
        Assert.Contains("MG0123", outputs["stdout json"], StringComparison.Ordinal);
        Assert.Contains("invalid input syntax for type integer: \\\"***\\\"", outputs["stdout json"], StringComparison.Ordinal);
        AssertNoSecretIn(outputs);
    }

    [PostgresFact]
    public void The_documented_config_that_gates_a_table_runs_as_written()
    {
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "config.md"));
        var section = docs[docs.IndexOf("### Gating a table", StringComparison.Ordinal)..];
        directory.Write("modelgates.json", MarkdownBlocks.Of(section, "json")[0]);
        File.Move(DatabaseCommandTests.CreditContractWithoutSqlChecks(directory), directory.File("credit.contract.json"), overwrite: true);

        var passing = CliRunner.Run(directory.Path, database.Environment, "check", "--format", "json");

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.Contains("\"contract:applications/Amount/min\"", passing.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Runs check in each format, with the report folder and the MSBuild diagnostics file, and collects every text it wrote.</summary>
    private Dictionary<string, string> RunEveryFormat(string config, out List<int> exitCodes)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        exitCodes = [];
        foreach (var format in new[] { "text", "json", "msbuild", "markdown", "sarif" })
        {
            var result = CliRunner.Run(
                directory.Path,
                new Dictionary<string, string> { [DatabaseFixture.Variable] = database.ConnectionString, ["MODELGATES_PROGRESS"] = "1" },
                "check", "--config", config, "--format", format, "--report-dir", directory.File("reports"), "--diagnostics-file", directory.File("diagnostics.tsv"));
            exitCodes.Add(result.ExitCode);
            outputs[$"stdout {format}"] = result.Stdout;
            outputs[$"stderr {format}"] = result.Stderr;
        }

        foreach (var file in Directory.GetFiles(directory.File("reports")).Append(directory.File("diagnostics.tsv")))
        {
            outputs[Path.GetFileName(file)] = File.ReadAllText(file);
        }

        return outputs;
    }

    private void AssertNoSecretIn(Dictionary<string, string> outputs)
    {
        Assert.True(outputs.Count >= 12, string.Join(", ", outputs.Keys));
        foreach (var (name, text) in outputs)
        {
            Assert.False(text.Contains(PostgresServer.Password, StringComparison.Ordinal), $"{name} holds the password:\n{text}");
            Assert.False(text.Contains(database.ConnectionString, StringComparison.Ordinal), $"{name} holds the connection string");
            Assert.DoesNotContain("Password=", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
