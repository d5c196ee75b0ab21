using System.Globalization;
using System.Text;
using ModelGates.Checks;
using ModelGates.Gates;

namespace ModelGates.Reports.Html.Sections;

/// <summary>The verdict, the counts of checks by status, when and with what the report was made, and the files read with their hashes.</summary>
internal static class HeaderSection
{
    public static void Write(StringBuilder html, GateReport report)
    {
        html.Append("<header><h1>ModelGates report</h1>");
        html.Append("<p class=\"verdict ").Append(report.Passed ? "ok\">✔ All gates passed" : "bad\">✘ Gates failed").Append("</p>");
        html.Append("<p class=\"meta\">Config <code>").Append(Html.Escape(report.ConfigFile)).Append("</code> · ")
            .Append(Html.Escape(GateReportJson.TimeText(report.Time))).Append(" · ModelGates ").Append(Html.Escape(report.ToolVersion)).Append("</p></header>");

        Html.Table(html, "Checks by status", "status", "checks");
        var counts = report.Counts;
        foreach (var status in new[] { CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Warned, CheckStatus.Waived, CheckStatus.Insufficient, CheckStatus.Skipped })
        {
            Html.Row(html, Html.Status(GateReportJson.StatusText(status)), $"<span class=\"num\">{counts[status].ToString(CultureInfo.InvariantCulture)}</span>");
        }

        Html.EndTable(html);

        if (report.Inputs.Count > 0)
        {
            Html.Table(html, "Files checked", "file", "role", "SHA-256", "bytes");
            foreach (var input in report.Inputs)
            {
                Html.Row(
                    html,
                    $"<code>{Html.Escape(input.Path)}</code>",
                    Html.Escape(input.Role),
                    $"<code title=\"{Html.Escape(input.Sha256)}\">{Html.Escape(input.Sha256[..Math.Min(16, input.Sha256.Length)])}…</code>",
                    Html.Escape(Html.Number(input.Bytes)));
            }

            Html.EndTable(html);
        }
    }
}
