using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>
/// Drift gates over a PostgreSQL table through <c>modelgates check</c>: the current side compared inside the
/// database against a stored profile (or against a table profiled inside the database), with the results the same
/// gate gives over a CSV of the same rows.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatabaseDriftGateTests(DatabaseFixture database) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [PostgresFact]
    public void A_drift_gate_over_a_table_judges_every_column_as_the_gate_over_the_same_rows_in_a_csv()
    {
        // The table stores Records' yes/no as text, which DuckDB reads from the CSV as booleans: the query gives the
        // table the CSV's types, so both gates see the same columns.
        var csv = RepoPaths.Combine("samples", "CreditRisk", "data", "scoring.csv");
        File.Copy(csv, directory.File("scoring.csv"));
        var profiled = CliRunner.Run(directory.Path, "profile", "scoring.csv", "-o", "reference.profile.json");
        Assert.True(profiled.ExitCode == 0, profiled.ToString());
        directory.Write("modelgates.json", $$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{DatabaseFixture.Variable}}" } },
              "datasets": {
                "table": {
                  "connection": "warehouse",
                  "query": "select \"Status\", \"Seniority\", \"Home\", \"Time\", \"Age\", \"Marital\", \"Records\" = 'yes' as \"Records\", \"Job\", \"Expenses\", \"Income\", \"Assets\", \"Debt\", \"Amount\", \"Price\" from public.applications"
                },
                "file": { "path": "scoring.csv" }
              },
              "drift": {
                "inTable": { "reference": "reference.profile.json", "current": "table" },
                "inFile": { "reference": "reference.profile.json", "current": "file" }
              }
            }
            """);

        var run = CliRunner.Run(directory.Path, database.Environment, "check", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var checks = Checks(run.Json());
        var inTable = checks.Where(c => c.Id.StartsWith("drift:inTable/", StringComparison.Ordinal)).ToList();
        var inFile = checks.Where(c => c.Id.StartsWith("drift:inFile/", StringComparison.Ordinal)).ToList();
        Assert.True(inTable.Count >= 14, string.Join(", ", inTable.Select(c => c.Id)));
        Assert.Equal(
            inFile.Select(c => (c.Id["drift:inFile/".Length..], c.Status, c.Measured)),
            inTable.Select(c => (c.Id["drift:inTable/".Length..], c.Status, c.Measured)));
        // Compared and not drifted; 827 rows cannot show an effect of 0.1 on Amount, so it is a warning (MG3010), in both gates alike.
        Assert.Contains(inTable, c => c.Id == "drift:inTable/Amount" && c.Status == "warned");
    }

    [PostgresFact]
    public void A_table_that_moved_fails_against_a_reference_table_profiled_inside_the_database()
    {
        directory.Write("modelgates.json", $$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{DatabaseFixture.Variable}}" } },
              "datasets": {
                "reference": { "connection": "warehouse", "table": "public.applications" },
                "current": { "connection": "warehouse", "query": "select * from public.broken" }
              },
              "drift": { "scoring": { "reference": "reference", "current": "current" } }
            }
            """);

        var run = CliRunner.Run(directory.Path, database.Environment, "check", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var checks = Checks(run.Json());
        Assert.Contains(checks, c => c.Id == "drift:scoring/Amount" && c.Status == "failed");
        Assert.Contains(checks, c => c.Id == "drift:scoring/Age" && c.Status == "passed");
        Assert.Contains("MG3001", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_partition_filter_on_a_database_dataset_is_MG0039_at_its_line()
    {
        var csv = RepoPaths.Combine("samples", "CreditRisk", "data", "scoring.csv");
        File.Copy(csv, directory.File("scoring.csv"));
        directory.Write("modelgates.json", $$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{DatabaseFixture.Variable}}" } },
              "datasets": { "table": { "connection": "warehouse", "table": "public.applications" }, "file": { "path": "scoring.csv" } },
              "drift": {
                "scoring": {
                  "reference": "file",
                  "current": "table",
                  "partitions": { "day": ">= 2026-11-01" }
                }
              }
            }
            """);

        var run = CliRunner.Run(directory.Path, database.Environment, "check");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error MG0039", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("modelgates.json:5:", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Every check of a result: id, status and measured value.</summary>
    internal static List<(string Id, string Status, double? Measured)> Checks(JsonElement result) =>
        result.GetProperty("gates").EnumerateArray()
            .SelectMany(g => g.GetProperty("checks").EnumerateArray())
            .Select(c => (
                c.GetProperty("id").GetString()!,
                c.GetProperty("status").GetString()!,
                c.TryGetProperty("measured", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDouble() : (double?)null))
            .ToList();
}

/// <summary><c>modelgates drift</c> with a database <c>--current</c>: compared inside the database, as the gate is.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatabaseDriftCommandTests(DatabaseFixture database) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [PostgresFact]
    public void Drift_of_a_table_against_a_reference_table_fails_on_the_moved_column_and_passes_against_itself()
    {
        const string connection = "warehouse=postgres:env:" + DatabaseFixture.Variable;

        var same = CliRunner.Run(directory.Path, database.Environment, "drift", "--reference", "table:warehouse.public.applications", "--current", "sql:warehouse:select * from public.applications", "--connection", connection, "--format", "json");
        var moved = CliRunner.Run(directory.Path, database.Environment, "drift", "--reference", "table:warehouse.public.applications", "--current", "table:warehouse.public.broken", "--connection", connection, "--format", "json");

        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.True(moved.ExitCode == 1, moved.ToString());
        Assert.Contains("MG3001", moved.Codes());
        Assert.Contains("\"Amount\"", moved.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, same.Stdout + same.Stderr + moved.Stdout + moved.Stderr, StringComparison.Ordinal);
    }
}
