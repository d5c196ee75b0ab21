using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary><c>modelgates report</c>: a kept result renders to the report the check wrote; a file it cannot read is a diagnostic, exit 2.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_kept_result_renders_to_the_same_bytes_as_the_report_check_wrote()
    {
        var reports = directory.File("reports");
        var check = CliRunner.Run(RepoPaths.Combine("samples", "CreditRisk"), "check", "--config", "modelgates.drifted.json", "--report-dir", reports);
        Assert.True(check.ExitCode == 1, check.ToString());

        var report = CliRunner.Run(directory.Path, "report", Path.Combine(reports, "modelgates.result.json"), "-o", "again.html");

        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(reports, "report.html")), File.ReadAllBytes(directory.File("again.html")));
    }

    [Fact]
    public void A_result_of_another_schema_version_is_MG0016_at_its_line_and_exits_2()
    {
        directory.Write("result.json", "{\n  \"schemaVersion\": 2,\n  \"command\": \"check\"\n}\n");

        var result = CliRunner.Run(directory.Path, "report", "result.json", "-o", "report.html", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        var diagnostic = Assert.Single(result.Json().GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("MG0016", 2), (diagnostic.GetProperty("code").GetString(), diagnostic.GetProperty("line").GetInt32()));
        Assert.False(File.Exists(directory.File("report.html")));
    }

    [Fact]
    public void The_result_of_another_command_is_MG0018_and_exits_2()
    {
        var drift = CliRunner.Run(
            RepoPaths.Combine("samples", "CreditRisk"), "drift", "--reference", "reference/train.profile.json", "--current", "data/scoring.csv", "--format", "json");
        directory.Write("drift.json", drift.Stdout);

        var result = CliRunner.Run(directory.Path, "report", "drift.json", "-o", "report.html", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["MG0018"], result.Codes());
        Assert.Contains("is not the JSON result of 'modelgates check'", result.Stdout, StringComparison.Ordinal);
    }
}
