using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>
/// Real <c>dotnet build</c> runs gating a table of a real PostgreSQL server: the contract is checked inside the
/// database, a failure lands at its rule's line, the build re-checks the database every time (its rows may change
/// without any file changing), and the build log holds no secret.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class MsBuildDatabaseGateTests(PackagesFixture packages, PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Variable = "MODELGATES_WAREHOUSE";

    private static string Config(string table) => $$"""
        {
          "schemaVersion": 1,
          "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{Variable}}" } },
          "datasets": { "scoring": { "connection": "warehouse", "table": "{{table}}" } },
          "contracts": { "applications": { "dataset": "scoring", "contract": "credit.contract.json" } }
        }
        """;

    [PostgresFact]
    public void A_table_is_gated_in_the_build_passing_then_failing_at_the_rule_and_never_skipped()
    {
        var environment = new Dictionary<string, string> { [Variable] = PostgresCreditTables.Create(server, "warehouse") };
        using var project = GatedProject.Create(packages, Config("public.applications"));
        WriteContract(project);

        var passing = project.BuildWith(environment);
        var result = File.ReadAllText(Path.Combine(project.ReportDirectory, "modelgates.result.json"));
        var again = project.BuildWith(environment);
        File.WriteAllText(Path.Combine(project.Directory, "modelgates.json"), Config("public.broken"));
        var failing = project.BuildWith(environment);

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.Contains("table:warehouse.public.applications", result, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("Skipping target \"_ModelGatesCheck\"", again.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, failing.ExitCode);
        var match = Regex.Match(failing.Output, @"credit\.contract\.json\((\d+),(\d+)\): error MG2006: ");
        Assert.True(match.Success, failing.ToString());
        foreach (var output in new[] { passing.Output, again.Output, failing.Output })
        {
            Assert.DoesNotContain(PostgresServer.Password, output, StringComparison.Ordinal);
        }
    }

    // The table stores Records' yes/no as text, which the reference profile (of a CSV) holds as booleans: the query
    // gives the table the CSV's types. The drift gate is declared at line 8, column 5.
    private static string DriftConfig(string table) => $$"""
        {
          "schemaVersion": 1,
          "connections": { "warehouse": { "provider": "postgres", "connectionString": "env:{{Variable}}" } },
          "datasets": {
            "scoring": { "connection": "warehouse", "query": "select \"Status\", \"Seniority\", \"Home\", \"Time\", \"Age\", \"Marital\", \"Records\" = 'yes' as \"Records\", \"Job\", \"Expenses\", \"Income\", \"Assets\", \"Debt\", \"Amount\", \"Price\" from {{table}}" }
          },
          "drift": {
            "scoring vs training": {
              "reference": "train.profile.json",
              "current": "scoring",
              "overrides": {
                "Status": { "skip": true },
                "Home": { "effectThreshold": 0.12 },
                "Marital": { "effectThreshold": 0.12 },
                "Job": { "effectThreshold": 0.12 }
              }
            }
          }
        }
        """;

    [PostgresFact]
    public void A_drift_gate_over_a_table_passes_on_the_scoring_rows_and_fails_at_its_line_when_the_table_moved()
    {
        var connectionString = PostgresCreditTables.Create(server, "drifting");
        // Incomes of the moved table doubled, plus 100: the shift the sample's drifted variant shows in a file.
        server.Psql("""CREATE TABLE public.moved AS SELECT * FROM public.applications; UPDATE public.moved SET "Income" = "Income" * 2 + 100;""", "drifting");
        var environment = new Dictionary<string, string> { [Variable] = connectionString };
        using var project = GatedProject.Create(packages, DriftConfig("public.applications"));
        project.CopyFromRepo("samples/CreditRisk/reference/train.profile.json");

        var passing = project.BuildWith(environment);
        var result = File.ReadAllText(Path.Combine(project.ReportDirectory, "modelgates.result.json"));
        File.WriteAllText(Path.Combine(project.Directory, "modelgates.json"), DriftConfig("public.moved"));
        var failing = project.BuildWith(environment);

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain("error MG3", passing.Output, StringComparison.Ordinal);
        Assert.Contains("\"drift:scoring vs training/Income\"", result, StringComparison.Ordinal);
        Assert.NotEqual(0, failing.ExitCode);
        var diagnostic = Regex.Match(failing.Output, @"modelgates\.json\((\d+),(\d+)\): error (MG3\d{3}): Column 'Income' drifted");
        Assert.True(diagnostic.Success, failing.ToString());
        Assert.Equal(("8", "5", "MG3001"), (diagnostic.Groups[1].Value, diagnostic.Groups[2].Value, diagnostic.Groups[3].Value));
        Assert.DoesNotContain("Column 'Age' drifted", failing.Output, StringComparison.Ordinal);
        foreach (var output in new[] { passing.Output, failing.Output })
        {
            Assert.DoesNotContain(PostgresServer.Password, output, StringComparison.Ordinal);
            Assert.DoesNotContain(connectionString, output, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public void An_unreachable_database_fails_the_build_with_MG0120()
    {
        using var project = GatedProject.Create(packages, Config("public.applications"));
        WriteContract(project);

        var build = project.BuildWith(new Dictionary<string, string> { [Variable] = "Host=127.0.0.1;Port=1;Username=ci;Password=unreachable-secret-5;Timeout=5" });

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error MG0120", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("unreachable-secret-5", build.Output, StringComparison.Ordinal);
    }

    // The sample contract without its SQL check, which writes a mixed-case column unquoted (PostgreSQL folds it).
    private static void WriteContract(GatedProject project)
    {
        var contract = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("samples", "contracts", "credit.contract.json")))!.AsObject();
        contract.Remove("checks");
        File.WriteAllText(Path.Combine(project.Directory, "credit.contract.json"), contract.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
