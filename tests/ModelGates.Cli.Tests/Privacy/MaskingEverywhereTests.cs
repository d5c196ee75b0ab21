using ModelGates.Testing;

namespace ModelGates.Cli.Tests.Privacy;

/// <summary>
/// Masking everywhere (docs/privacy.md): real <c>modelgates validate</c>, <c>profile</c>, <c>drift</c> and <c>check</c>
/// runs over the credit sample with personal-data columns, set up so that values would be printed (rule violations with
/// examples, unknown categories, top values, drift charts), and every byte they print or write is searched for the raw values.
/// </summary>
public sealed class MaskingEverywhereTests
{
    private const string Contract = """
        {
          "allowUnexpectedColumns": true,
          "uniqueKeys": [["Status", "Email"]],
          "columns": {
            "Email": { "pii": "forbidden", "allowedValues": ["nobody@example.org"], "maxLength": 5 },
            "Card": { "pii": "masked", "pattern": "^5.*" },
            "Iban": { "pii": "allowed", "allowedValues": [] },
            "Phone": { "pii": "allowed", "type": "integer" },
            "HealthCondition": { "sensitive": true, "allowedValues": ["none"] },
            "Bsn": { "maxLength": 3 },
            "IpAddress": { "pattern": "^192\\..*" }
          }
        }
        """;

    private const string Config = """
        {
          "schemaVersion": 1,
          "datasets": { "applicants": { "path": "data/applicants.csv" } },
          "contracts": { "applicants": { "dataset": "applicants", "contract": "applicants.contract.json" } },
          "drift": { "applicants vs itself": { "reference": "data/reference.csv", "current": "applicants" } }
        }
        """;

    [Fact]
    public void No_raw_personal_value_reaches_any_output_of_validate_profile_drift_and_check()
    {
        var data = PrivacyData.Build();
        using var dir = new TempDirectory();
        dir.Write("data/applicants.csv", data.Csv);
        dir.Write("data/reference.csv", data.Csv);
        dir.Write("applicants.contract.json", Contract);
        dir.Write("modelgates.json", Config);

        var runs = new List<(string Name, CliResult Result)>();
        void Run(params string[] args) => runs.Add((string.Join(' ', args), CliRunner.Run(dir.Path, args)));

        foreach (var format in new[] { "text", "json", "msbuild" })
        {
            Run("validate", "data/applicants.csv", "--contract", "applicants.contract.json", "--format", format);
        }

        Run("profile", "data/applicants.csv", "-o", "out/applicants.profile.json");
        Run("infer", "data/applicants.csv", "-o", "out/inferred.contract.json");
        Run("profile", "data/applicants.csv");
        foreach (var format in new[] { "text", "json", "markdown" })
        {
            Run("drift", "--reference", "data/reference.csv", "--current", "data/applicants.csv", "--format", format);
            Run("drift", "--reference", "out/applicants.profile.json", "--current", "data/applicants.csv", "--format", format);
        }

        foreach (var format in new[] { "text", "json", "msbuild", "markdown", "sarif" })
        {
            Run("check", "--config", "modelgates.json", "--format", format, "--report-dir", "out/reports-" + format, "--diagnostics-file", $"out/{format}.diagnostics.tsv");
        }

        // The runs did what they must for the search to mean something: failures with examples, a profile, charts.
        var validate = runs[1].Result;
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("MG2140", validate.Codes());
        Assert.Contains("MG2142", validate.Codes());
        Assert.Contains("MG2007", validate.Codes());
        Assert.Contains("**** **** **** ", validate.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"[a-z]\*\*\*@\*\*\*\*\.com", validate.Stdout);
        Assert.All(runs.Where(r => r.Name.StartsWith("drift", StringComparison.Ordinal) || r.Name.StartsWith("profile", StringComparison.Ordinal)), r => Assert.True(r.Result.ExitCode == 0, r.Name + "\n" + r.Result));
        Assert.True(File.Exists(dir.File("out/reports-json/report.html")));
        Assert.True(File.Exists(dir.File("out/json.diagnostics.tsv")));
        var inferred = File.ReadAllText(dir.File("out/inferred.contract.json"));
        Assert.Contains("\"pii\": \"allowed\"", inferred, StringComparison.Ordinal);
        Assert.Contains("\"sensitive\": true", inferred, StringComparison.Ordinal);

        var outputs = runs.Select(r => ($"modelgates {r.Name}", r.Result.Stdout + "\n" + r.Result.Stderr))
            .Concat(Directory.EnumerateFiles(dir.File("out"), "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))))
            .ToList();
        Assert.True(outputs.Count > 30, $"{outputs.Count} outputs");
        var leaks = outputs.SelectMany(o => data.LeaksIn(o.Item2).Select(v => $"{o.Item1}: {v}")).Take(20).ToList();
        Assert.True(leaks.Count == 0, "raw personal values in outputs:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void The_search_finds_a_raw_value_when_a_column_is_not_personal()
    {
        // The same data without the personal-data columns' protection: an ordinary column's values are printed, which
        // shows that the search above would see a leak.
        var data = PrivacyData.Build();
        using var dir = new TempDirectory();
        dir.Write("data/applicants.csv", data.Csv);
        dir.Write("c.json", """{ "allowUnexpectedColumns": true, "columns": { "CaseNumber": { "maxLength": 3 } } }""");
        var run = CliRunner.Run(dir.Path, "validate", "data/applicants.csv", "--contract", "c.json", "--format", "json");
        Assert.Contains(data.Values["CaseNumber"][0], run.Stdout, StringComparison.Ordinal);
    }
}
