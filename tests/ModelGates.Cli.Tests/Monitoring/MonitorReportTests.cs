using ModelGates.Testing;

namespace ModelGates.Cli.Tests.Monitoring;

/// <summary>
/// The monitor's report files: <c>modelgates monitor --report-dir</c> and <c>modelgates check --report-dir</c> on a
/// config with monitors write the same self-contained <c>report.html</c> with the trends, and the Markdown summary.
/// </summary>
public sealed class MonitorReportTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public MonitorReportTests()
    {
        var sample = RepoPaths.Combine("samples", "CreditRisk");
        File.Copy(Path.Combine(sample, "modelgates.monitor.json"), directory.File("modelgates.monitor.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(sample, "production"), "*.csv", SearchOption.AllDirectories))
        {
            var target = directory.File(Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => directory.Dispose();

    // A fixed SOURCE_DATE_EPOCH fixes the report's time, so two runs can be compared byte for byte.
    private CliResult Run(params string[] args) =>
        CliRunner.Run(directory.Path, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1796601600", ["GITHUB_STEP_SUMMARY"] = string.Empty }, args);

    [Fact]
    public void Monitor_with_a_report_dir_writes_the_html_trends_and_the_summary_it_prints_as_markdown()
    {
        var result = Run("monitor", "--config", "modelgates.monitor.json", "--format", "markdown", "--report-dir", "reports");

        Assert.True(result.ExitCode == 1, result.ToString());
        var html = File.ReadAllText(directory.File(Path.Combine("reports", "report.html")));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Monitors</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<title>auc per window</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Drift effect per column and window</title>", html, StringComparison.Ordinal);
        Assert.Contains("✘ retraining due", html, StringComparison.Ordinal);
        Assert.Equal(result.Stdout, File.ReadAllText(directory.File(Path.Combine("reports", "modelgates.summary.md"))));
        Assert.Contains("Retraining became due in window 2026-09-28T00:00:00Z", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_in_msbuild_format_writes_the_monitor_trends_into_its_report_and_summary_and_the_result_renders_them_again()
    {
        var check = Run("check", "--config", "modelgates.monitor.json", "--format", "msbuild", "--report-dir", "out");
        var monitor = Run("monitor", "--config", "modelgates.monitor.json", "--report-dir", "monitor");
        var rendered = Run("report", Path.Combine("out", "modelgates.result.json"), "--output", "again.html");

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("error MG6001", check.Stdout, StringComparison.Ordinal);
        var summary = File.ReadAllText(directory.File(Path.Combine("out", "modelgates.summary.md")));
        Assert.Contains("### Monitors", summary, StringComparison.Ordinal);
        Assert.Contains("#### scoring", summary, StringComparison.Ordinal);
        Assert.Contains("**Retraining due (error)**: Retraining is due:", summary, StringComparison.Ordinal);
        Assert.Contains("| status | ✅✅✅✅✅✅✅✅➖✅✅✅✅✅✅✅❌❌❌❌❌❌❌❌❌❌ |", summary, StringComparison.Ordinal);
        var html = File.ReadAllText(directory.File(Path.Combine("out", "report.html")));
        Assert.True(rendered.ExitCode == 0, rendered.ToString());
        Assert.Equal(html, File.ReadAllText(directory.File("again.html")));
        // monitor --report-dir draws the same trends as check: the section from its heading to the footer is the same.
        var monitorHtml = File.ReadAllText(directory.File(Path.Combine("monitor", "report.html")));
        Assert.Equal(Section(html), Section(monitorHtml));
    }

    private static string Section(string html) =>
        html[html.IndexOf("<section><h2>Monitors</h2>", StringComparison.Ordinal)..html.IndexOf("<footer", StringComparison.Ordinal)];
}
