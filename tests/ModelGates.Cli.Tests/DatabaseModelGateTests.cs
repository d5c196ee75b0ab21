using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>
/// A model gate whose predictions are a PostgreSQL table, through <c>modelgates check</c>: metrics of all rows and of
/// every slice computed inside the database, judged as the same gate over a predictions file of the same rows.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatabaseModelGateTests(DatabaseFixture database) : IDisposable
{
    private static readonly string PredictionsCsv = RepoPaths.Combine("samples", "CreditRisk", "predictions", "holdout-predictions.csv");

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [PostgresFact]
    public void A_gate_over_a_predictions_table_measures_and_judges_as_the_gate_over_the_same_rows_in_a_file()
    {
        LoadPredictions();
        File.Copy(PredictionsCsv, directory.File("predictions.csv"));
        const string Metrics = """
            "metrics": { "auc": { "min": 0.7 }, "logLoss": { "max": 0.6 }, "recall": { "min": 0.9 }, "brier": { "max": 0.3 } },
            "slices": [ { "column": "Home", "metrics": { "auc": { "min": 0.75 } } } ],
            "minSliceRows": 30
            """;
        directory.Write("modelgates.json", $$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{DatabaseFixture.Variable}}" } },
              "datasets": {
                "scored": { "connection": "warehouse", "query": "select (\"Status\" = 'bad')::int as label, \"Home\", p_bad from public.scored" }
              },
              "models": {
                "inTable": { "predictions": "scored", "task": "binary", "label": "label", "score": "p_bad", {{Metrics}} },
                "inFile": { "predictions": "predictions.csv", "task": "binary", "label": "Status", "positiveClass": "bad", "score": "p_bad", {{Metrics}} }
              }
            }
            """);

        var run = CliRunner.Run(directory.Path, database.Environment, "check", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var checks = Checks(run.Json());
        var inTable = checks.Where(c => c.Id.StartsWith("model:inTable/", StringComparison.Ordinal)).ToList();
        var inFile = checks.Where(c => c.Id.StartsWith("model:inFile/", StringComparison.Ordinal)).ToList();
        Assert.True(inTable.Count >= 6, string.Join(", ", inTable.Select(c => c.Id)));
        Assert.Equal(inFile.Count, inTable.Count);
        foreach (var (file, table) in inFile.Zip(inTable))
        {
            Assert.Equal(file.Id["model:inFile/".Length..], table.Id["model:inTable/".Length..]);
            Assert.Equal(file.Status, table.Status);
            Assert.Equal(file.Measured!.Value, table.Measured!.Value, 1e-12);
        }

        Assert.Contains(inTable, c => c.Id == "model:inTable/recall/min" && c.Status == "failed");
        Assert.Contains(inTable, c => c.Id.StartsWith("model:inTable/Home=", StringComparison.Ordinal));
        Assert.DoesNotContain(PostgresServer.Password, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_metric_that_needs_the_rows_is_MG4032_and_accepting_a_table_gate_is_MG0039()
    {
        LoadPredictions();
        directory.Write("modelgates.json", $$"""
            {
              "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{DatabaseFixture.Variable}}" } },
              "datasets": {
                "scored": { "connection": "warehouse", "query": "select (\"Status\" = 'bad')::int as label, p_bad from public.scored" }
              },
              "models": {
                "credit": {
                  "predictions": "scored", "task": "binary", "label": "label", "score": "p_bad",
                  "baseline": "credit.baseline.json",
                  "metrics": { "auc": { "min": 0.7 }, "averagePrecision": { "min": 0.3 } }
                }
              }
            }
            """);

        var check = CliRunner.Run(directory.Path, database.Environment, "check", "--format", "json");
        var accept = CliRunner.Run(directory.Path, database.Environment, "accept");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("MG4032", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("averagePrecision", check.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Checks(check.Json()), c => c.Id.Contains("averagePrecision", StringComparison.Ordinal));
        Assert.True(accept.ExitCode == 2, accept.ToString());
        Assert.Contains("MG0039", accept.Stdout + accept.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("credit.baseline.json")));
    }

    private void LoadPredictions()
    {
        var csv = PredictionsCsv.Replace("'", "''", StringComparison.Ordinal);
        database.Server.Psql(
            $"""
            DROP TABLE IF EXISTS public.scored;
            CREATE TABLE public.scored ("Status" text, "Home" text, p_bad double precision);
            \copy public.scored FROM '{csv}' WITH (FORMAT csv, HEADER true)
            """,
            "warehouse");
    }

    private static List<(string Id, string Status, double? Measured)> Checks(JsonElement result) => DatabaseDriftGateTests.Checks(result);
}
