using System.Globalization;
using System.Text;
using ModelGates.Diagnostics;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring.Reports;

/// <summary>
/// The Markdown summary of <c>modelgates monitor --format markdown</c>, for a pull request or a CI job summary
/// (<c>$GITHUB_STEP_SUMMARY</c>): the verdict per monitor, the trigger's reason, then one row per window.
/// </summary>
internal static class MonitorMarkdown
{
    public static string Write(IReadOnlyList<MonitorResult> results)
    {
        var text = new StringBuilder();
        var due = results.Where(r => r.Retrain.Due).ToList();
        text.Append(due.Count == 0
            ? "## ModelGates monitor: ✅ no retraining due\n\n"
            : $"## ModelGates monitor: ⚠️ retraining due ({string.Join(", ", due.Select(r => Escape(r.Monitor.Name)))})\n\n");
        foreach (var r in results)
        {
            var m = r.Monitor;
            text.Append(CultureInfo.InvariantCulture, $"### {Escape(m.Name)}\n\n");
            text.Append(CultureInfo.InvariantCulture,
                $"{r.Windows.Count} windows of {Escape(m.Window.Text)} over `{Escape(m.Data)}` ({Escape(m.TimeZone.Id)}); {r.Computed} judged now, {r.Reused} reused from the history.\n\n");
            text.Append(CultureInfo.InvariantCulture, $"**{(r.Retrain.Due ? $"Retraining due ({m.Trigger.Severity.ToText()})" : "Retraining not due")}**: {Escape(r.Retrain.Reason)}\n\n");
            var metrics = r.Windows.SelectMany(w => w.Realized.Concat(w.Estimated)).Select(x => x.Metric).Distinct(StringComparer.Ordinal).ToList();
            text.Append("| window (UTC) | rows | labelled | status | drifted share | prediction drift |");
            foreach (var metric in metrics)
            {
                text.Append(CultureInfo.InvariantCulture, $" {Escape(metric)} |");
            }

            text.Append(" why |\n|---|---:|---:|---|---:|---:|");
            text.Append(string.Concat(metrics.Select(_ => "---:|")));
            text.Append("---|\n");
            foreach (var w in r.Windows)
            {
                var mark = w.Status switch { WindowStatus.Ok => "✅ ok", WindowStatus.Breach => "❌ breach", _ => "➖ insufficient" };
                text.Append(CultureInfo.InvariantCulture,
                    $"| {WindowPlanner.Key(w.Start)} | {w.Rows} | {w.LabelledRows} | {mark} | {F(w.DriftedShare)} | {F(w.Prediction?.Effect)}{(w.Prediction is { Status: "drift" } ? " (drift)" : string.Empty)} |");
                foreach (var metric in metrics)
                {
                    var value = w.Realized.Concat(w.Estimated).FirstOrDefault(x => x.Metric == metric);
                    text.Append(CultureInfo.InvariantCulture, $" {F(value?.Value)}{(value?.BelowFloor == true ? " ❌" : string.Empty)} |");
                }

                text.Append(CultureInfo.InvariantCulture, $" {Escape(string.Join("; ", w.Reasons))} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "–";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
