using System.Text;
using ModelGates.Checks;
using ModelGates.Gates;

namespace ModelGates.Reports.Html.Sections;

/// <summary>A gate's checks as a table (failures first), with the example rows of each failure.</summary>
internal static class ChecksTable
{
    public static void Write(StringBuilder html, GateResult gate, bool onlyProblems)
    {
        var checks = gate.Checks
            .OrderBy(c => c.Status switch { CheckStatus.Failed => 0, CheckStatus.Warned => 1, CheckStatus.Waived => 2, CheckStatus.Insufficient => 3, _ => 4 })
            .ToList();
        var shown = onlyProblems ? checks.Where(c => c.Status is not CheckStatus.Passed).ToList() : checks;
        if (shown.Count == 0)
        {
            html.Append("<p class=\"ok\">✔ All ").Append(checks.Count).Append(" checks passed.</p>");
            return;
        }

        Html.Table(html, onlyProblems ? "Checks that need attention" : "All checks", "check", "status", "measured", "bound", "code", "message");
        foreach (var check in shown)
        {
            var diagnostic = check.Diagnostic;
            var message = new StringBuilder(Html.Escape(diagnostic?.Message));
            var examples = diagnostic?.Examples ?? [];
            if (examples.Count > 0)
            {
                message.Append("<ul>");
                foreach (var example in examples)
                {
                    var line = example.Line is { } l ? $" (line {Html.Number(l)})" : string.Empty;
                    var value = example.Value is null ? "&lt;missing&gt;" : $"<code>{Html.Escape(example.Value)}</code>";
                    message.Append("<li>row ").Append(Html.Escape(Html.Number(example.Row))).Append(Html.Escape(line)).Append(": ").Append(value).Append("</li>");
                }

                message.Append("</ul>");
            }

            Html.Row(
                html,
                Html.Escape(check.Description),
                Html.Status(GateReportJson.StatusText(check.Status)),
                Html.Escape(Html.Value(check.Measured)),
                Html.Escape(Html.Value(check.Bound)),
                Html.Escape(diagnostic?.Code),
                message.ToString());
        }

        Html.EndTable(html);
    }
}
