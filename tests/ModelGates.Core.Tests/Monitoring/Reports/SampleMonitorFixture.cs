using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.Reports;
using ModelGates.Reports;
using ModelGates.Reports.Html;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Reports;

/// <summary>
/// The sample's monitor (samples/CreditRisk/modelgates.monitor.json: 26 weekly batches, an outage week, a shift from
/// 21 September, labels four weeks late) run once through <c>check</c>, as <c>dotnet build</c> runs it, in a copy.
/// </summary>
public sealed class SampleMonitorFixture : IDisposable
{
    private readonly TempDirectory directory = new();

    public SampleMonitorFixture()
    {
        var sample = RepoPaths.Combine("samples", "CreditRisk");
        File.Copy(Path.Combine(sample, "modelgates.monitor.json"), directory.File("modelgates.monitor.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(sample, "production"), "*.csv", SearchOption.AllDirectories))
        {
            var target = directory.File(Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Config = directory.File("modelgates.monitor.json");
        Report = GateRunner.Run(GatesConfigReader.Read(Config), Options);
        Html = HtmlReportWriter.Render(Report);
        Markdown = GateReportMarkdown.Write(Report);
    }

    public static GateRunOptions Options => new() { Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), Today = new DateOnly(2026, 12, 7), ToolVersion = "1.0.0" };

    public string Config { get; }

    public GateReport Report { get; }

    public string Html { get; }

    public string Markdown { get; }

    internal GateResult Gate => Assert.Single(Report.Gates, g => g.Kind == "monitor");

    internal MonitorTrend Trend => Assert.IsType<MonitorTrend>(Gate.Details);

    public void Dispose() => directory.Dispose();
}
