using System.Reflection;
using System.Text.Json;
using ModelGates.EndToEnd.Tests.Browser;
using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>The sample's HTML report in a real browser: it loads without errors and every chart is drawn at a visible size.</summary>
public sealed class ReportBrowserTests : IDisposable
{
    private readonly string reports = Directory.CreateTempSubdirectory("mg-report-").FullName;

    [Fact]
    public async Task Sample_report_renders_in_chromium_with_every_chart_visible()
    {
        Assert.True(File.Exists(ChromiumPage.Executable), $"{ChromiumPage.Executable} is missing: .ci/run installs Debian's chromium package.");
        var configuration = typeof(ReportBrowserTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var cli = RepoPaths.Combine("src", "Cli", "bin", configuration, "net10.0", "modelgates.dll");
        var check = ProcessRunner.Run(RepoPaths.Combine("samples", "CreditRisk"), "dotnet", [cli, "check", "--config", "modelgates.drifted.json", "--report-dir", reports]);
        Assert.True(check.ExitCode == 1, check.ToString());
        var report = Path.Combine(reports, "report.html");

        await using var page = await ChromiumPage.LaunchAsync(1200, 900);
        await page.NavigateAsync(new Uri(report).AbsoluteUri);
        var sizes = (await page.EvaluateAsync(
            "JSON.stringify([...document.querySelectorAll('svg.chart')].map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; }))"))!
            .GetValue<string>();
        var charts = JsonSerializer.Deserialize<double[][]>(sizes)!;
        var captions = (await page.EvaluateAsync("JSON.stringify([...document.querySelectorAll('figcaption')].map(f => f.textContent))"))!.GetValue<string>();
        var ksMarkers = JsonSerializer.Deserialize<double[]>((await page.EvaluateAsync(
            "JSON.stringify([...document.querySelectorAll('svg.chart line.marker')].map(l => l.getBoundingClientRect().height))"))!.GetValue<string>())!;
        var title = (await page.EvaluateAsync("document.title"))!.GetValue<string>();
        var screenshot = await page.ScreenshotAsync();
        File.WriteAllBytes(Path.Combine(reports, "report.png"), screenshot);

        Assert.Equal("ModelGates report", title);
        Assert.Empty(page.Errors);
        Assert.True(charts.Length >= 15, $"only {charts.Length} charts");
        Assert.All(charts, size => Assert.True(size[0] > 50 && size[1] > 50, $"a chart is drawn at {size[0]}x{size[1]}"));

        // The binary model gate's gain curve and KS plot, the KS gap drawn as a visible vertical marker.
        Assert.Contains("\"Gain curve\"", captions, StringComparison.Ordinal);
        Assert.Contains("\"KS plot\"", captions, StringComparison.Ordinal);
        Assert.True(Assert.Single(ksMarkers) > 20, $"the KS marker is {ksMarkers[0]} px tall");
        Assert.True(screenshot.Length > 50_000 && screenshot[..4].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(reports, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
