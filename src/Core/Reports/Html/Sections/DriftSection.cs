using System.Text;
using ModelGates.Data;
using ModelGates.Drift.Engine.Results;
using ModelGates.Gates;
using ModelGates.Reports.Html.Charts;

namespace ModelGates.Reports.Html.Sections;

/// <summary>
/// Drift: one table of every column (drifted first) and, per column, the reference and current distributions
/// on the frozen reference bins (numeric) or categories.
/// </summary>
internal static class DriftSection
{
    public static void Write(StringBuilder html, IReadOnlyList<GateResult> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Drift</h2>");
        foreach (var gate in gates)
        {
            html.Append("<h3>").Append(Html.Escape(gate.Name)).Append("</h3>");
            if (gate.Details is not DriftGateDetails details)
            {
                ChecksTable.Write(html, gate, onlyProblems: false);
                continue;
            }

            var reference = details.Reference;
            var current = details.Current;
            html.Append("<p class=\"meta\">Reference <code>").Append(Html.Escape(reference.Path)).Append("</code> (")
                .Append(Html.Escape(Html.Number(reference.Rows))).Append(" rows, SHA-256 <code>").Append(Html.Escape(Short(reference.Hash))).Append("</code>) · current <code>")
                .Append(Html.Escape(current.Path)).Append("</code> (").Append(Html.Escape(Html.Number(current.Rows))).Append(" rows)</p>");
            html.Append("<p>").Append(details.DatasetDrift ? "<span class=\"status bad\">✘ dataset drift</span>" : "<span class=\"status ok\">✔ no dataset drift</span>")
                .Append(": drifted share ").Append(Html.Escape(Html.Number(details.DriftedShare))).Append(" (threshold ").Append(Html.Escape(Html.Number(details.DriftedShareThreshold))).Append(")</p>");

            DatasetChecks(html, details.DatasetChecks);
            var columns = details.Columns.OrderBy(c => c.Status == ColumnDriftStatus.Drift ? 0 : 1).ToList();
            Html.Table(html, "Columns, drifted first", "column", "kind", "test", "statistic", "p-value", "threshold", "effect [interval]", "missing share ref → cur", "status");
            foreach (var column in columns)
            {
                var interval = column.EffectInterval is { } i ? $" [{Html.Number(i.Lower)}, {Html.Number(i.Upper)}]" : string.Empty;
                Html.Row(
                    html,
                    Html.Escape(column.Column),
                    Html.Escape(column.Kind.ToText()),
                    Html.Escape(Html.Text(column.Test)),
                    Html.Escape(Html.Number(column.Statistic)),
                    Html.Escape(Html.Number(column.PValue)),
                    Html.Escape(Html.Number(column.Threshold)),
                    Html.Escape(Html.Number(column.Effect) + interval),
                    Html.Escape($"{Html.Number(column.MissingShareReference)} → {Html.Number(column.MissingShareCurrent)}"),
                    Html.Status(column.Status.ToText()));
            }

            Html.EndTable(html);
            html.Append("<div class=\"charts\">");
            foreach (var column in columns)
            {
                if (column.Distribution is not { } distribution
                    || distribution.Labels.Count != distribution.Reference.Count || distribution.Labels.Count != distribution.Current.Count)
                {
                    continue;
                }

                html.Append("<figure><figcaption>").Append(Html.Escape(column.Column)).Append(" — ").Append(Html.Status(column.Status.ToText())).Append("</figcaption>")
                    .Append(PairedBarChart.Render($"{column.Column}: reference vs current", distribution.Labels, Shares(distribution.Reference), Shares(distribution.Current))).Append("</figure>");
            }

            html.Append("</div>");
        }

        html.Append("</section>");
    }

    // The result writes a share that is not finite as null; the chart draws it, like a missing share, as an empty bar.
    private static List<double> Shares(IReadOnlyList<double> shares) => shares.Select(s => double.IsFinite(s) ? s : 0).ToList();

    /// <summary>The multivariate checks: a table with the statistic, its interval, the threshold, the separating columns and the message.</summary>
    private static void DatasetChecks(StringBuilder html, IReadOnlyList<DatasetDriftCheck> checks)
    {
        if (checks.Count == 0)
        {
            return;
        }

        Html.Table(html, "Dataset checks (multivariate)", "check", "statistic [interval]", "threshold", "rows ref / cur", "separating most", "status", "finding");
        foreach (var c in checks)
        {
            var interval = c.Interval is { } i ? $" [{Html.Number(i.Lower)}, {Html.Number(i.Upper)}]" : string.Empty;
            var top = c.TopFeatures.Count == 0 ? Html.Text(null) : string.Join(", ", c.TopFeatures.Select(f => $"{f.Column} {Html.Number(Math.Round(f.Share * 100, 1))}%"));
            Html.Row(
                html,
                Html.Escape(c.Measure is null ? c.Name : $"{c.Name} ({c.Measure})"),
                Html.Escape(Html.Number(c.Statistic) + interval),
                Html.Escape(Html.Number(c.Threshold)),
                Html.Escape(c.Status == DatasetDriftStatus.NotRun ? Html.Text(null) : $"{Html.Number(c.ReferenceRows)} / {Html.Number(c.CurrentRows)}"),
                Html.Escape(top),
                Html.Status(c.Status == DatasetDriftStatus.NotRun ? "not run" : c.Status.ToText()),
                Html.Escape(c.Message));
        }

        Html.EndTable(html);
    }

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;
}
