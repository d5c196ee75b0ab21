using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Reports;
using ModelGates.Reports.Sarif;
using ModelGates.Testing;

namespace ModelGates.Tests.Reports.Sarif;

/// <summary>
/// <c>modelgates.sarif</c>: a SARIF 2.1.0 log that conforms to the official schema, with every MG code as a rule
/// and every diagnostic of a real run as a result at its file, line and column relative to the repository root.
/// </summary>
public sealed class SarifLogWriterTests : IDisposable
{
    private static readonly Lazy<JsonSchema> OfficialSchema = new(LoadOfficialSchema);
    private static readonly GateRunOptions Options = new() { Today = new DateOnly(2026, 3, 1), Time = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), ToolVersion = "1.2.3" };
    private readonly TempDirectory repository = new();

    public SarifLogWriterTests()
    {
        Directory.CreateDirectory(repository.File(".git"));
    }

    public void Dispose() => repository.Dispose();

    [Fact]
    public void The_log_of_a_run_conforms_to_the_official_SARIF_2_1_0_schema()
    {
        var log = SarifLogWriter.Write(Run(WriteProject(repository.Path)));

        AssertConformsToSchema(log);
    }

    [Fact]
    public void The_log_of_a_run_stopped_by_a_configuration_error_conforms_to_the_schema_and_points_at_the_error()
    {
        var config = WriteProject(repository.Path).Replace("modelgates.json", "broken.json", StringComparison.Ordinal);
        File.WriteAllText(config, "{\n  \"schemaVersion\": 1,\n  \"datsets\": {}\n}\n");
        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(config));

        var log = SarifLogWriter.Write(error.Diagnostics, config, "1.2.3", error.ExitCode);

        AssertConformsToSchema(log);
        var run = Run0(log);
        Assert.False(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(ExitCodes.UsageError, run.GetProperty("invocations")[0].GetProperty("exitCode").GetInt32());
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("MG0012", result.GetProperty("ruleId").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("project/broken.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void The_schema_check_rejects_a_log_that_breaks_the_standard()
    {
        var log = JsonNode.Parse(SarifLogWriter.Write(Run(WriteProject(repository.Path))))!;
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";

        var result = OfficialSchema.Value.Evaluate(JsonDocument.Parse(log.ToJsonString()).RootElement);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Every_diagnostic_is_a_result_with_its_rule_level_message_and_location_relative_to_the_repository_root()
    {
        var report = Run(WriteProject(repository.Path));
        var run = Run0(SarifLogWriter.Write(report));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");

        Assert.Equal(report.Diagnostics.Count, results.Count);
        Assert.Equal(["error", "note", "warning"], results.Select(r => r.GetProperty("level").GetString()!).Order(StringComparer.Ordinal));
        for (var i = 0; i < results.Count; i++)
        {
            var diagnostic = report.Diagnostics[i];
            var result = results[i];
            Assert.Equal(diagnostic.Code, result.GetProperty("ruleId").GetString());
            Assert.Equal(diagnostic.Code, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal(diagnostic.Message, result.GetProperty("message").GetProperty("text").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.Equal(diagnostic.Line, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(diagnostic.SourceColumn, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        }

        var max = results.Single(r => r.GetProperty("ruleId").GetString() == "MG2006");
        var maxLocation = max.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("project/rules/credit%20contract.json", maxLocation.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var line = File.ReadAllLines(Path.Combine(repository.Path, "project", "rules", "credit contract.json"))[maxLocation.GetProperty("region").GetProperty("startLine").GetInt32() - 1];
        Assert.Contains("\"max\"", line, StringComparison.Ordinal);
        Assert.Equal("x", max.GetProperty("properties").GetProperty("column").GetString());
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
    }

    [Fact]
    public void Every_code_of_the_catalogue_is_a_rule_with_its_help_page_and_default_level()
    {
        var rules = Run0(SarifLogWriter.Write(Run(WriteProject(repository.Path)))).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Code), rules.Select(r => r.GetProperty("id").GetString()));
        var unknownCategories = rules.Single(r => r.GetProperty("id").GetString() == "MG2007");
        Assert.Equal("UnknownCategories", unknownCategories.GetProperty("name").GetString());
        Assert.Equal("https://github.com/modelgates/modelgates/blob/main/docs/diagnostics/MG2007.md", unknownCategories.GetProperty("helpUri").GetString());
        Assert.Equal("error", unknownCategories.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("warning", rules.Single(r => r.GetProperty("id").GetString() == "MG0041").GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("note", rules.Single(r => r.GetProperty("id").GetString() == "MG0042").GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void The_same_run_in_two_clones_writes_the_same_bytes()
    {
        using var other = new TempDirectory();
        Directory.CreateDirectory(other.File(".git"));

        var first = SarifLogWriter.Write(Run(WriteProject(repository.Path)));
        var second = SarifLogWriter.Write(Run(WriteProject(other.Path)));

        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        Assert.DoesNotContain(Path.GetFileName(repository.Path), Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_repository_locations_are_relative_to_the_config_folder()
    {
        using var plain = new TempDirectory();
        var config = WriteProject(plain.Path);

        var root = SarifSourceRoot.For(config);

        Assert.False(root.IsRepository);
        Assert.Equal(("rules/credit%20contract.json", "%SRCROOT%"), root.Locate(Path.Combine(plain.Path, "project", "rules", "credit contract.json")));
    }

    [Fact]
    public void A_file_outside_the_root_gets_its_absolute_file_uri_and_no_base()
    {
        using var elsewhere = new TempDirectory();
        var data = elsewhere.Write("data.csv", "x\n1\n");

        var (uri, uriBaseId) = SarifSourceRoot.For(WriteProject(repository.Path)).Locate(data);

        Assert.Equal(new Uri(data).AbsoluteUri, uri);
        Assert.StartsWith("file:///", uri, StringComparison.Ordinal);
        Assert.Null(uriBaseId);
    }

    [Fact]
    public void The_report_folder_gets_modelgates_sarif()
    {
        var report = Run(WriteProject(repository.Path));
        using var reports = new TempDirectory();

        GateReportFiles.Write(report, reports.Path);

        Assert.Equal(SarifLogWriter.Write(report), File.ReadAllBytes(reports.File(SarifLogWriter.FileName)));
    }

    /// <summary>
    /// A project under <paramref name="root"/>: a contract (in a folder, with a space in its name) whose max rule
    /// fails (an error), a waived allowed-values rule (a note) and a waiver that matches nothing (a warning).
    /// </summary>
    private static string WriteProject(string root)
    {
        var project = Path.Combine(root, "project");
        Directory.CreateDirectory(Path.Combine(project, "rules"));
        File.WriteAllText(Path.Combine(project, "data.csv"), "x,y\n5,a\n12,b\n7,q\n");
        File.WriteAllText(Path.Combine(project, "rules", "credit contract.json"), """
            {
              "schemaVersion": 1,
              "columns": {
                "x": { "type": "integer", "max": 10 },
                "y": { "type": "string", "allowedValues": ["a", "b"] }
              }
            }
            """);
        var config = Path.Combine(project, "modelgates.json");
        File.WriteAllText(config, """
            {
              "schemaVersion": 1,
              "datasets": { "d": { "path": "data.csv" } },
              "contracts": { "c": { "dataset": "d", "contract": "rules/credit contract.json" } },
              "waivers": [
                { "check": "contract:c/y/allowedValues", "reason": "ticket 1", "expires": "2099-12-31" },
                { "check": "contract:c/x/minLength", "reason": "ticket 2", "expires": "2099-12-31" }
              ]
            }
            """);
        return config;
    }

    private static GateReport Run(string config) => GateRunner.Run(GatesConfigReader.Read(config), Options);

    private static JsonElement Run0(byte[] log) => JsonDocument.Parse(log).RootElement.GetProperty("runs")[0];

    private static void AssertConformsToSchema(byte[] log)
    {
        var result = OfficialSchema.Value.Evaluate(JsonDocument.Parse(log).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    /// <summary>The official schema (draft-04, see README.md beside it), read as draft-07, which JsonSchema.Net implements.</summary>
    private static JsonSchema LoadOfficialSchema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("tests", "ModelGates.Core.Tests", "Reports", "Sarif", "sarif-schema-2.1.0.json")))!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", schema["$schema"]!.GetValue<string>());
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema.Remove("id");
        return JsonSchema.FromText(schema.ToJsonString());
    }
}
