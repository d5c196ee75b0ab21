using System.Text;
using System.Text.Json;
using ModelGates.Reports.Html.Charts;

namespace ModelGates.Reports.Html.Sections;

/// <summary>
/// Drift: one table of every column (drifted first) and, per column, the reference and current distributions
/// on the frozen reference bins (numeric) or categories.
/// </summary>
internal static class DriftSection
{
    public static void Write(StringBuilder html, IReadOnlyList<JsonElement> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Drift</h2>");
        foreach (var gate in gates)
        {
            var details = Html.Get(gate, "details");
            html.Append("<h3>").Append(Html.Escape(Html.Text(gate, "name"))).Append("</h3>");
            if (details.ValueKind != JsonValueKind.Object)
            {
                ChecksTable.Write(html, gate, onlyProblems: false);
                continue;
            }

            var reference = Html.Get(details, "reference");
            var current = Html.Get(details, "current");
            html.Append("<p class=\"meta\">Reference <code>").Append(Html.Escape(Html.Text(reference, "path"))).Append("</code> (")
                .Append(Html.Escape(Html.Text(reference, "rows"))).Append(" rows, SHA-256 <code>").Append(Html.Escape(Short(Html.Text(reference, "sha256")))).Append("</code>) · current <code>")
                .Append(Html.Escape(Html.Text(current, "path"))).Append("</code> (").Append(Html.Escape(Html.Text(current, "rows"))).Append(" rows)</p>");
            var datasetDrift = Html.Get(details, "datasetDrift").ValueKind == JsonValueKind.True;
            html.Append("<p>").Append(datasetDrift ? "<span class=\"status bad\">✘ dataset drift</span>" : "<span class=\"status ok\">✔ no dataset drift</span>")
                .Append(": drifted share ").Append(Html.Escape(Html.Text(details, "driftedShare"))).Append(" (threshold ").Append(Html.Escape(Html.Text(details, "driftedShareThreshold"))).Append(")</p>");

            var columns = Html.Items(details, "columns").OrderBy(c => Html.Text(c, "status") == "drift" ? 0 : 1).ToList();
            Html.Table(html, "Columns, drifted first", "column", "kind", "test", "statistic", "p-value", "threshold", "effect [interval]", "missing share ref → cur", "status");
            foreach (var column in columns)
            {
                var interval = Html.Items(column, "effectInterval").Select(Html.Value).ToList();
                Html.Row(
                    html,
                    Html.Escape(Html.Text(column, "column")),
                    Html.Escape(Html.Text(column, "kind")),
                    Html.Escape(Html.Text(column, "test")),
                    Html.Escape(Html.Text(column, "statistic")),
                    Html.Escape(Html.Text(column, "pValue")),
                    Html.Escape(Html.Text(column, "threshold")),
                    Html.Escape(Html.Text(column, "effect") + (interval.Count == 2 ? $" [{interval[0]}, {interval[1]}]" : string.Empty)),
                    Html.Escape($"{Html.Text(column, "missingShareReference")} → {Html.Text(column, "missingShareCurrent")}"),
                    Html.Status(Html.Text(column, "status")));
            }

            Html.EndTable(html);
            html.Append("<div class=\"charts\">");
            foreach (var column in columns)
            {
                var distribution = Html.Get(column, "distribution");
                if (distribution.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var labels = Html.Items(distribution, "labels").Select(l => l.GetString() ?? string.Empty).ToList();
                var refShares = Html.Items(distribution, "reference").Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0).ToList();
                var curShares = Html.Items(distribution, "current").Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0).ToList();
                if (labels.Count != refShares.Count || labels.Count != curShares.Count)
                {
                    continue;
                }

                var name = Html.Text(column, "column");
                html.Append("<figure><figcaption>").Append(Html.Escape(name)).Append(" — ").Append(Html.Status(Html.Text(column, "status"))).Append("</figcaption>")
                    .Append(PairedBarChart.Render($"{name}: reference vs current", labels, refShares, curShares)).Append("</figure>");
            }

            html.Append("</div>");
        }

        html.Append("</section>");
    }

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;
}
