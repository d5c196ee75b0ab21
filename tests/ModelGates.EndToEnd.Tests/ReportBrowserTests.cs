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

    [Fact]
    public async Task Monitor_trends_render_in_chromium_with_every_chart_cell_and_marker_visible()
    {
        Assert.True(File.Exists(ChromiumPage.Executable), $"{ChromiumPage.Executable} is missing: .ci/run installs Debian's chromium package.");
        var configuration = typeof(ReportBrowserTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var cli = RepoPaths.Combine("src", "Cli", "bin", configuration, "net10.0", "modelgates.dll");
        // A copy, so the sample's folder gets no history file.
        var sample = RepoPaths.Combine("samples", "CreditRisk");
        var work = Path.Combine(reports, "sample");
        foreach (var file in Directory.GetFiles(Path.Combine(sample, "production"), "*.csv", SearchOption.AllDirectories).Append(Path.Combine(sample, "modelgates.monitor.json")))
        {
            var target = Path.Combine(work, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var monitor = ProcessRunner.Run(work, "dotnet", [cli, "monitor", "--config", "modelgates.monitor.json", "--report-dir", reports]);
        Assert.True(monitor.ExitCode == 1, monitor.ToString());

        await using var page = await ChromiumPage.LaunchAsync(1200, 900);
        await page.NavigateAsync(new Uri(Path.Combine(reports, "report.html")).AbsoluteUri);
        async Task<double[][]> Sizes(string selector) => JsonSerializer.Deserialize<double[][]>((await page.EvaluateAsync(
            $"JSON.stringify([...document.querySelectorAll('{selector}')].map(s => {{ const r = s.getBoundingClientRect(); return [r.width, r.height]; }}))"))!.GetValue<string>())!;
        var charts = await Sizes("svg.chart");
        var legend = await Sizes("svg.chart rect.q0, svg.chart rect.q1, svg.chart rect.q2, svg.chart rect.q3, svg.chart rect.qn");
        var steps = await Sizes("svg.chart path.q0, svg.chart path.q1, svg.chart path.q2, svg.chart path.q3, svg.chart path.qn");
        var due = await Sizes("svg.chart line.tdue");
        var bands = await Sizes("svg.chart polygon.tband");
        var screenshot = await page.ScreenshotAsync();
        File.WriteAllBytes(Path.Combine(reports, "monitor.png"), screenshot);

        Assert.Empty(page.Errors);
        // auc, gini, the drifted share and the heat map.
        Assert.Equal(4, charts.Length);
        Assert.All(charts, size => Assert.True(size[0] > 300 && size[1] > 100, $"a trend chart is drawn at {size[0]}x{size[1]}"));
        // The legend's 5 keys; the heat map's colour steps as paths over the rows of the sample's 13 feature columns and
        // its score (14 rows of 13 px with 1 px between) and its 26 weeks of cells at least 4 px wide.
        Assert.Equal(5, legend.Length);
        Assert.InRange(steps.Length, 2, 5);
        Assert.All(steps, size => Assert.True(size[0] >= 4 && size[1] >= 13, $"a heat map colour step is drawn at {size[0]}x{size[1]}"));
        Assert.True(steps.Max(s => s[1]) >= 13 * 10, $"the heat map's steps reach {steps.Max(s => s[1])} px high over 14 rows");
        Assert.Equal(3, due.Length);
        Assert.All(due, size => Assert.True(size[1] > 100, $"the retrain marker is {size[1]} px tall"));
        Assert.Equal(2, bands.Length);
        Assert.All(bands, size => Assert.True(size[0] > 100 && size[1] > 10, $"the estimate's band is drawn at {size[0]}x{size[1]}"));
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
