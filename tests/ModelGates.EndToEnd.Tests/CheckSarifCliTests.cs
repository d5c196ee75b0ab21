using System.Reflection;
using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>
/// The engine's machine outputs outside a build, from the real <c>modelgates</c> process: <c>check --format
/// sarif</c>, and the SARIF log and diagnostics file of a run that a configuration error stops early.
/// </summary>
public sealed class CheckSarifCliTests : IDisposable
{
    private static readonly string Configuration =
        typeof(CheckSarifCliTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static readonly string Engine = RepoPaths.Combine("src", "Cli", "bin", Configuration, "net10.0", "modelgates.dll");

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Check_prints_a_SARIF_log_of_the_drifted_sample_with_each_drift_at_its_gate()
    {
        var sample = RepoPaths.Combine("samples", "CreditRisk");

        var check = ProcessRunner.Run(sample, "dotnet", [Engine, "check", "--config", "modelgates.drifted.json", "--format", "sarif"]);

        Assert.True(check.ExitCode == 1, check.ToString());
        using var sarif = JsonDocument.Parse(check.Stdout);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var income = results.Single(r => r.GetProperty("message").GetProperty("text").GetString()!.StartsWith("Column 'Income' drifted", StringComparison.Ordinal));
        Assert.Equal("MG3001", income.GetProperty("ruleId").GetString());
        Assert.Equal("error", income.GetProperty("level").GetString());
        var location = income.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("modelgates.drifted.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        var line = File.ReadAllLines(Path.Combine(sample, "modelgates.drifted.json"))[location.GetProperty("region").GetProperty("startLine").GetInt32() - 1];
        Assert.Contains("\"scoring vs training\"", line, StringComparison.Ordinal);
        Assert.Contains(results, r => r.GetProperty("level").GetString() == "note");
    }

    [Fact]
    public void A_configuration_error_still_writes_the_diagnostics_file_and_replaces_the_last_SARIF_log()
    {
        var config = directory.Write("modelgates.json", "{\n  \"schemaVersion\": 1,\n  \"datsets\": {}\n}\n");
        var reports = directory.File("reports");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "modelgates.sarif"), "the findings of an earlier run");
        var diagnostics = Path.Combine(reports, "modelgates.diagnostics.tsv");

        var check = ProcessRunner.Run(directory.Path, "dotnet", [Engine, "check", "--config", config, "--report-dir", reports, "--diagnostics-file", diagnostics]);

        Assert.True(check.ExitCode == 2, check.ToString());
        var lines = File.ReadAllLines(diagnostics);
        Assert.Equal("# modelgates diagnostics 1", lines[0]);
        var fields = lines[2].Split('\t');
        Assert.Equal(["error", "MG0012", config, "3", "3"], fields[..5]);
        using var sarif = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(reports, "modelgates.sarif")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("MG0012", run.GetProperty("results")[0].GetProperty("ruleId").GetString());
        Assert.Equal(2, run.GetProperty("invocations")[0].GetProperty("exitCode").GetInt32());

        var printed = ProcessRunner.Run(directory.Path, "dotnet", [Engine, "check", "--config", config, "--format", "sarif"]);
        Assert.True(printed.ExitCode == 2, printed.ToString());
        Assert.Equal("MG0012", JsonDocument.Parse(printed.Stdout).RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
    }
}
