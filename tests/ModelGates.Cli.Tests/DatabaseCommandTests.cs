using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>
/// The CLI over a real PostgreSQL server: table: and sql: data arguments, --connection, --config and
/// --statement-timeout as docs/cli.md shows them, and every bad input an MG code with the server's words and no secret.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatabaseCommandTests(DatabaseFixture database) : IDisposable
{
    private const string Connection = "warehouse=postgres:env:" + DatabaseFixture.Variable;
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [PostgresFact]
    public void Profile_of_a_table_counts_the_rows_in_the_database()
    {
        var result = Run("profile", "table:warehouse.public.applications", "--connection", Connection);

        Assert.True(result.ExitCode == 0, result.ToString());
        var profile = result.Json();
        Assert.Equal(827, profile.GetProperty("rows").GetInt64());
        Assert.Equal("table:public.applications", profile.GetProperty("sources")[0].GetString());
        AssertNoSecret(result);
    }

    [PostgresFact]
    public void Profile_of_a_query_reads_its_connection_from_a_config()
    {
        var config = directory.Write("modelgates.json", $$"""
            { "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{DatabaseFixture.Variable}}" } } }
            """);

        var result = Run("profile", "sql:warehouse:select \"Age\", \"Amount\" from public.applications where \"Age\" >= 30", "--config", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = database.Server.Psql("SELECT count(*) FROM public.applications WHERE \"Age\" >= 30;", "warehouse").Trim();
        Assert.Equal(long.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Json().GetProperty("rows").GetInt64());
        Assert.Equal(2, result.Json().GetProperty("columns").GetArrayLength());
    }

    [PostgresFact]
    public void Validate_checks_a_table_in_the_database_and_fails_on_broken_rows()
    {
        var contract = CreditContractWithoutSqlChecks(directory);

        var good = Run("validate", "table:warehouse.public.applications", "--contract", contract, "--connection", Connection, "--format", "json");
        var broken = Run("validate", "table:warehouse.public.broken", "--contract", contract, "--connection", Connection, "--format", "json");

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Equal(827, good.Json().GetProperty("data").GetProperty("rows").GetInt64());
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("MG2006", broken.Codes());
        AssertNoSecret(good);
        AssertNoSecret(broken);
    }

    [PostgresTheory]
    [InlineData("table:warehouse.public.nope", "MG0122", "relation \"public.nope\" does not exist")]
    [InlineData("sql:warehouse:select \"Agee\" from public.applications", "MG0123", "column \"Agee\" does not exist")]
    public void A_missing_table_or_a_query_error_is_exit_3_with_the_servers_message(string data, string code, string message)
    {
        var result = Run("profile", data, "--connection", Connection, "--format", "json");

        Assert.Equal(3, result.ExitCode);
        var diagnostic = Assert.Single(result.Json().GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(code, diagnostic.GetProperty("code").GetString());
        Assert.Contains(message, diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertNoSecret(result);
    }

    [PostgresFact]
    public void A_wrong_password_is_MG0121_exit_3_and_neither_password_is_printed()
    {
        var wrong = database.ConnectionString.Replace(PostgresServer.Password, "Wrong-Pass-31337", StringComparison.Ordinal);

        var result = CliRunner.Run(directory.Path, new Dictionary<string, string> { [DatabaseFixture.Variable] = wrong }, "profile", "table:warehouse.public.applications", "--connection", Connection);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("MG0121", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Pass-31337", result.Stderr + result.Stdout, StringComparison.Ordinal);
        AssertNoSecret(result);
    }

    [PostgresFact]
    public void A_statement_timeout_from_the_command_line_is_MG0126_exit_3()
    {
        var result = Run("profile", "sql:warehouse:select pg_sleep(3)::text as slept, 1 as one", "--connection", Connection, "--statement-timeout", "300ms", "--format", "json");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["MG0126"], result.Codes());
        Assert.Contains("canceling statement due to statement timeout", result.Stdout, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_connection_string_on_the_command_line_is_MG0035_exit_2_and_is_not_echoed()
    {
        var result = Run("profile", "table:warehouse.public.applications", "--connection", "warehouse=postgres:" + database.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MG0035", result.Stderr, StringComparison.Ordinal);
        AssertNoSecret(result);
        Assert.DoesNotContain("Host=127.0.0.1", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("warehouse=postgres:env:MG_NEVER_SET_IN_TESTS", "table:warehouse.public.applications", "MG0036")]
    [InlineData(Connection, "table:warehous.public.applications", "MG0037")]
    [InlineData("warehouse=mysql:env:" + DatabaseFixture.Variable, "table:warehouse.public.applications", "MG0038")]
    [InlineData(Connection, "table:warehouse", "MG0004")]
    public void Wrong_connections_and_data_arguments_are_usage_errors(string connection, string data, string code)
    {
        var result = Run("profile", data, "--connection", connection);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(code, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sample's contract without its custom SQL check: that check writes Amount unquoted, which PostgreSQL folds
    /// to amount, a column the mixed-case table does not have (DuckDB matches names without case).
    /// </summary>
    internal static string CreditContractWithoutSqlChecks(TempDirectory directory)
    {
        var contract = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("samples", "contracts", "credit.contract.json")))!.AsObject();
        contract.Remove("checks");
        return directory.Write("credit.contract.json", contract.ToJsonString());
    }

    private CliResult Run(params string[] args) => CliRunner.Run(directory.Path, database.Environment, args);

    internal static void AssertNoSecret(CliResult result)
    {
        Assert.DoesNotContain(PostgresServer.Password, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, result.Stderr, StringComparison.Ordinal);
    }
}
