using System.Text;
using ModelGates.Gates;
using ModelGates.Monitoring;
using ModelGates.Monitoring.Reports;
using ModelGates.Reports;
using ModelGates.Reports.Html;
using Xunit.Abstractions;

namespace ModelGates.Tests.Monitoring.Reports;

/// <summary>The trends of a year of weekly windows stay small: the HTML report's budget is 1 MB (docs/benchmarks.md).</summary>
public sealed class MonitorTrendSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void A_year_of_weekly_windows_over_30_columns_renders_its_trends_in_under_150_kilobytes()
    {
        var result = TrendData.Result(52, 30, breaches: new HashSet<int> { 40, 41, 43, 44, 45, 46, 47, 48, 49, 50, 51 }, insufficient: new HashSet<int> { 12 });
        var trend = MonitorTrendBuilder.Build(result, 0.5, [new DateTime(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc)]);
        var html = new StringBuilder();

        MonitorTrendSection.Write(html, [MonitorGateRunner.ToGate(result) with { Details = trend }]);

        var bytes = Encoding.UTF8.GetByteCount(html.ToString());
        output.WriteLine($"52 windows x 30 columns: {bytes} bytes");
        Assert.True(bytes < 150_000, $"the trends of 52 windows × 30 columns take {bytes} bytes");
        // Every window and column is there: 30 columns and the prediction, one coloured heat-map cell per window.
        var heat = TrendData.Chart(html.ToString(), "Drift effect per column and window");
        var steps = TrendData.HeatSteps(heat, 31, 52);
        Assert.DoesNotContain(null, steps.Cast<string?>());
    }

    [Fact]
    public void The_same_history_renders_the_same_bytes_and_a_result_read_back_renders_them_too()
    {
        var result = TrendData.Result(20, 6, breaches: new HashSet<int> { 15, 16, 18 }, insufficient: new HashSet<int> { 3 });
        GateReport Report() => new()
        {
            ConfigFile = Path.Combine(Path.GetTempPath(), "modelgates.json"),
            Gates = [MonitorGateRunner.ToGate(result) with { Details = MonitorTrendBuilder.Build(result, 0.5, []) }],
            Diagnostics = result.Diagnostics,
            Time = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
            ToolVersion = "1.0.0",
        };

        var first = HtmlReportWriter.Render(Report());
        var second = HtmlReportWriter.Render(Report());
        var json = GateReportJson.Write(Report());
        var readBack = GateReportJson.Read(Encoding.UTF8.GetString(json), "modelgates.result.json");

        Assert.Equal(first, second);
        Assert.Contains("<h2>Monitors</h2>", first, StringComparison.Ordinal);
        Assert.Equal(first, HtmlReportWriter.Render(readBack));
        Assert.Equal(json, GateReportJson.Write(readBack));
        var trend = Assert.IsType<MonitorTrend>(Assert.Single(readBack.Gates).Details);
        Assert.Equal(result.Windows.Select(w => (w.Key, w.Status, w.DriftedShare)), trend.Windows.Select(w => (w.Key, w.Status, w.DriftedShare)));
        Assert.Equal(result.Windows.Select(w => w.Estimated.SingleOrDefault()?.Upper), trend.Windows.Select(w => w.Estimated.SingleOrDefault()?.Upper));
    }
}
