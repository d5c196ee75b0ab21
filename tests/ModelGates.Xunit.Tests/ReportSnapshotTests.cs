using System.Text;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Reports;
using ModelGates.Reports.Html;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

/// <summary>
/// The sample's reports, byte for byte, against approved snapshots: any change to what a reviewer sees is a
/// reviewed change. The time and tool version are pinned, as SOURCE_DATE_EPOCH pins them for users.
/// </summary>
public sealed class ReportSnapshotTests
{
    private static readonly Lazy<GateReport> SampleReport = new(() =>
        GateRunner.Run(
            GatesConfigReader.Read(RepoPaths.Combine("samples", "CreditRisk", "modelgates.json")),
            new GateRunOptions { Time = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), Today = new DateOnly(2026, 11, 1), ToolVersion = "0.1.0" }));

    [Fact]
    public void Sample_html_report()
    {
        TextSnapshot.Match(HtmlReportWriter.Render(SampleReport.Value), "html");
    }

    [Fact]
    public void The_result_read_back_writes_the_same_bytes()
    {
        var result = GateReportJson.Write(SampleReport.Value);

        var again = GateReportJson.Write(GateReportJson.Read(Encoding.UTF8.GetString(result), GateReportFiles.JsonName));

        Assert.Equal(Encoding.UTF8.GetString(result), Encoding.UTF8.GetString(again));
    }

    [Fact]
    public void The_html_report_rendered_again_from_the_result_file_has_the_same_bytes()
    {
        var result = Encoding.UTF8.GetString(GateReportJson.Write(SampleReport.Value));

        var again = HtmlReportWriter.Render(GateReportJson.Read(result, GateReportFiles.JsonName));

        Assert.Equal(HtmlReportWriter.Render(SampleReport.Value), again);
    }

    [Fact]
    public void Sample_markdown_summary()
    {
        TextSnapshot.Match(GateReportMarkdown.Write(SampleReport.Value, HtmlReportWriter.FileName), "md");
    }

    [Fact]
    public void Element_ids_are_unique_so_screen_readers_name_each_chart_by_its_own_title()
    {
        var html = HtmlReportWriter.Render(SampleReport.Value);

        var ids = System.Text.RegularExpressions.Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"><title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        var first = GateReportJson.Write(SampleReport.Value);
        var second = GateReportJson.Write(SampleReport.Value);

        Assert.Equal(first, second);
    }
}
