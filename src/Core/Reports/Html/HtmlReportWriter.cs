using System.Text;
using ModelGates.Gates;
using ModelGates.Reports.Html.Sections;

namespace ModelGates.Reports.Html;

/// <summary>
/// Renders the report of <c>modelgates check</c> as one self-contained HTML file: no script, no external
/// resource, charts as inline SVG. It shows what the JSON result holds, with the same paths: a report read
/// back from its result (<see cref="GateReportJson.Read(string)"/>) renders to the same bytes as the run's own.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The report's file name next to the JSON and Markdown reports.</summary>
    public const string FileName = "report.html";

    /// <summary>Renders the report.</summary>
    public static string Render(GateReport report)
    {
        var shown = GateReportJson.Relativize(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<meta name=\"color-scheme\" content=\"light dark\"><title>ModelGates report</title><style>").Append(ReportStyles.Css)
            .Append(shown.Gates.Any(g => g.Kind == "monitor") ? TrendStyles.Css : string.Empty).Append("</style></head><body>\n");
        HeaderSection.Write(html, shown);
        ContractSection.Write(html, Of(shown, "contract"));
        DriftSection.Write(html, Of(shown, "drift"));
        ModelSection.Write(html, Of(shown, "model"));
        LineageSection.Write(html, Of(shown, "lineage"));
        QualitySection.Write(html, Of(shown, "quality"));
        Monitoring.Reports.MonitorTrendSection.Write(html, Of(shown, "monitor"));
        html.Append("\n<footer class=\"meta\"><p>Made by ModelGates from <code>").Append(Html.Escape(GateReportFiles.JsonName)).Append("</code>. Statuses are written as words and symbols; colours only repeat them.</p></footer>\n</body></html>\n");
        return html.ToString();
    }

    private static List<GateResult> Of(GateReport report, string kind) =>
        report.Gates.Where(g => string.Equals(g.Kind, kind, StringComparison.Ordinal)).ToList();
}
