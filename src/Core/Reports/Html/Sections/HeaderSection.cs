using System.Text;
using System.Text.Json;

namespace ModelGates.Reports.Html.Sections;

/// <summary>The verdict, the counts of checks by status, when and with what the report was made, and the files read with their hashes.</summary>
internal static class HeaderSection
{
    public static void Write(StringBuilder html, JsonElement result)
    {
        var passed = Html.Get(result, "passed").ValueKind == JsonValueKind.True;
        var summary = Html.Get(result, "summary");
        html.Append("<header><h1>ModelGates report</h1>");
        html.Append("<p class=\"verdict ").Append(passed ? "ok\">✔ All gates passed" : "bad\">✘ Gates failed").Append("</p>");
        html.Append("<p class=\"meta\">Config <code>").Append(Html.Escape(Html.Text(result, "config"))).Append("</code> · ")
            .Append(Html.Escape(Html.Text(result, "time"))).Append(" · ModelGates ").Append(Html.Escape(Html.Text(result, "toolVersion"))).Append("</p></header>");

        Html.Table(html, "Checks by status", "status", "checks");
        foreach (var status in new[] { "passed", "failed", "warned", "waived", "insufficient", "skipped" })
        {
            Html.Row(html, Html.Status(status), $"<span class=\"num\">{Html.Escape(Html.Text(summary, status))}</span>");
        }

        Html.EndTable(html);

        var inputs = Html.Items(result, "inputs").ToList();
        if (inputs.Count > 0)
        {
            Html.Table(html, "Files checked", "file", "role", "SHA-256", "bytes");
            foreach (var input in inputs)
            {
                Html.Row(
                    html,
                    $"<code>{Html.Escape(Html.Text(input, "path"))}</code>",
                    Html.Escape(Html.Text(input, "role")),
                    $"<code title=\"{Html.Escape(Html.Text(input, "sha256"))}\">{Html.Escape(Html.Text(input, "sha256")[..Math.Min(16, Html.Text(input, "sha256").Length)])}…</code>",
                    Html.Escape(Html.Text(input, "bytes")));
            }

            Html.EndTable(html);
        }
    }
}
