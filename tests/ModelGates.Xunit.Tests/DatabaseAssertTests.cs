using System.Text.Json.Nodes;
using ModelGates.Sources;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

/// <summary>
/// A throwaway PostgreSQL server with the sample's scoring rows as <c>public.applications</c> and a copy whose
/// amounts break the contract (<c>public.broken</c>), started on first use so that a machine without the server
/// binaries only skips the tests.
/// </summary>
public sealed class WarehouseFixture : IDisposable
{
    /// <summary>The variable the connection reads; the password never sits in a test's text.</summary>
    public const string Variable = "MODELGATES_XUNIT_WAREHOUSE";

    private readonly Lazy<PostgresServer> server = new(() => new PostgresServer());
    private readonly Lazy<ConnectionSet> connections;

    public WarehouseFixture() =>
        connections = new(() =>
        {
            Environment.SetEnvironmentVariable(Variable, PostgresCreditTables.Create(server.Value, "warehouse"));
            return ConnectionSet.FromCommandLine([$"warehouse=postgres:env:{Variable}"], null, null);
        });

    /// <summary>The connections, as a test would declare them.</summary>
    public ConnectionSet Connections => connections.Value;

    public void Dispose()
    {
        if (server.IsValueCreated)
        {
            server.Value.Dispose();
        }
    }
}

public sealed class DatabaseAssertTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>, IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [PostgresFact]
    public void A_table_compared_with_itself_inside_the_database_has_not_drifted()
    {
        var report = DriftAssert.NoDriftInDatabase("table:warehouse.public.applications", "table:warehouse.public.applications", warehouse.Connections);

        Assert.True(report.Passed);
        Assert.Contains(report.Columns, c => c.Column == "Amount");
        Assert.Equal(PostgresCreditTables.Rows, report.Current.Rows);
    }

    [PostgresFact]
    public void A_table_that_moved_fails_with_its_drifted_columns_and_no_secret()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() =>
            DriftAssert.NoDriftInDatabase("table:warehouse.public.applications", "sql:warehouse:select * from public.broken", warehouse.Connections));

        Assert.Matches(@"Amount\s+", error.Message);
        Assert.Contains("MG3001", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_table_satisfies_the_contract_checked_inside_the_database_and_a_broken_one_does_not()
    {
        var contract = ContractWithoutSqlChecks();

        var good = DataAssert.SatisfiesInDatabase("table:warehouse.public.applications", contract, warehouse.Connections);
        var error = Assert.Throws<ModelGatesAssertException>(() => DataAssert.SatisfiesInDatabase("table:warehouse.public.broken", contract, warehouse.Connections));

        Assert.True(good.Passed);
        Assert.Equal(PostgresCreditTables.Rows, good.Rows);
        Assert.Contains("warehouse.public.broken does not satisfy", error.Message, StringComparison.Ordinal);
        Assert.Contains("Amount", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_file_where_a_database_dataset_belongs_is_MG0039_and_an_unknown_connection_MG0037()
    {
        var contract = ContractWithoutSqlChecks();
        var file = RepoPaths.Combine("samples", "CreditRisk", "data", "scoring.csv");

        var notDatabase = Assert.Throws<ModelGatesAssertException>(() => DataAssert.SatisfiesInDatabase(file, contract, warehouse.Connections));
        var unknown = Assert.Throws<ModelGatesAssertException>(() => DriftAssert.NoDriftInDatabase(file, "table:lake.public.applications", warehouse.Connections));

        Assert.Contains("MG0039", notDatabase.Message, StringComparison.Ordinal);
        Assert.Contains("MG0037", unknown.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void The_documented_warehouse_assertion_runs_as_written()
    {
        // The snippet reads the variable docs/xunit.md names; no other test of this process uses it.
        _ = warehouse.Connections;
        Environment.SetEnvironmentVariable("MODELGATES_WAREHOUSE", Environment.GetEnvironmentVariable(WarehouseFixture.Variable));

        Docs.WarehouseAssertions.Adult_applications_have_not_drifted_from_all_applications();

        Environment.SetEnvironmentVariable("MODELGATES_WAREHOUSE", null);
        // An unset variable is found where the connections are declared, before any assertion runs.
        var unset = Assert.Throws<ModelGates.Diagnostics.ConfigurationException>(Docs.WarehouseAssertions.Adult_applications_have_not_drifted_from_all_applications);
        Assert.Equal("MG0036", Assert.Single(unset.Diagnostics).Code);
        Assert.Contains("MODELGATES_WAREHOUSE", unset.Message, StringComparison.Ordinal);
    }

    // The sample's custom SQL check writes Amount unquoted, which PostgreSQL folds to a column the mixed-case table lacks.
    private string ContractWithoutSqlChecks()
    {
        var contract = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("samples", "contracts", "credit.contract.json")))!.AsObject();
        contract.Remove("checks");
        return directory.Write("credit.contract.json", contract.ToJsonString());
    }
}
