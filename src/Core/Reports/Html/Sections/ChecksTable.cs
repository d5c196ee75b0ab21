using System.Text;
using System.Text.Json;

namespace ModelGates.Reports.Html.Sections;

/// <summary>A gate's checks as a table (failures first), with the example rows of each failure.</summary>
internal static class ChecksTable
{
    public static void Write(StringBuilder html, JsonElement gate, bool onlyProblems)
    {
        var checks = Html.Items(gate, "checks")
            .OrderBy(c => Html.Text(c, "status") switch { "failed" => 0, "warned" => 1, "waived" => 2, "insufficient" => 3, _ => 4 })
            .ToList();
        var shown = onlyProblems ? checks.Where(c => Html.Text(c, "status") is not "passed").ToList() : checks;
        if (shown.Count == 0)
        {
            html.Append("<p class=\"ok\">✔ All ").Append(checks.Count).Append(" checks passed.</p>");
            return;
        }

        Html.Table(html, onlyProblems ? "Checks that need attention" : "All checks", "check", "status", "measured", "bound", "code", "message");
        foreach (var check in shown)
        {
            var diagnostic = Html.Get(check, "diagnostic");
            var message = new StringBuilder(Html.Escape(Html.Text(diagnostic, "message") is "–" ? string.Empty : Html.Text(diagnostic, "message")));
            var examples = Html.Items(diagnostic, "examples").ToList();
            if (examples.Count > 0)
            {
                message.Append("<ul>");
                foreach (var example in examples)
                {
                    var line = Html.Get(example, "line").ValueKind == JsonValueKind.Number ? $" (line {Html.Text(example, "line")})" : string.Empty;
                    var value = Html.Get(example, "value").ValueKind == JsonValueKind.Null ? "&lt;missing&gt;" : $"<code>{Html.Escape(Html.Text(example, "value"))}</code>";
                    message.Append("<li>row ").Append(Html.Escape(Html.Text(example, "row"))).Append(Html.Escape(line)).Append(": ").Append(value).Append("</li>");
                }

                message.Append("</ul>");
            }

            Html.Row(
                html,
                Html.Escape(Html.Text(check, "description")),
                Html.Status(Html.Text(check, "status")),
                Html.Escape(Html.Text(check, "measured")),
                Html.Escape(Html.Text(check, "bound")),
                Html.Escape(Html.Text(check, "code") is "–" ? string.Empty : Html.Text(check, "code")),
                message.ToString());
        }

        Html.EndTable(html);
    }
}
