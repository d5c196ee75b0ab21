using System.Text;
using System.Text.Json;
using ModelGates.Reports.Html.Sections;

namespace ModelGates.Reports.Html;

/// <summary>
/// Renders the JSON result of <c>modelgates check</c> as one self-contained HTML file: no script, no external
/// resource, charts as inline SVG. The same result gives the same bytes.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The report's file name next to the JSON and Markdown reports.</summary>
    public const string FileName = "report.html";

    /// <summary>Renders the report of a JSON result document.</summary>
    public static string Render(JsonElement result)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<meta name=\"color-scheme\" content=\"light dark\"><title>ModelGates report</title><style>").Append(ReportStyles.Css).Append("</style></head><body>\n");
        HeaderSection.Write(html, result);
        var gates = Html.Items(result, "gates").ToList();
        ContractSection.Write(html, gates.Where(g => Html.Text(g, "kind") == "contract").ToList());
        DriftSection.Write(html, gates.Where(g => Html.Text(g, "kind") == "drift").ToList());
        ModelSection.Write(html, gates.Where(g => Html.Text(g, "kind") == "model").ToList());
        LineageSection.Write(html, gates.Where(g => Html.Text(g, "kind") == "lineage").ToList());
        html.Append("\n<footer class=\"meta\"><p>Made by ModelGates from <code>").Append(Html.Escape(GateReportFiles.JsonName)).Append("</code>. Statuses are written as words and symbols; colours only repeat them.</p></footer>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>Renders the report of a JSON result file.</summary>
    public static string RenderFile(string resultPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(resultPath));
        return Render(document.RootElement);
    }
}
