using System.Globalization;
using System.Text;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring.Reports;

/// <summary>What the Markdown summary shows of one monitor.</summary>
/// <param name="Name">The monitor's name.</param>
/// <param name="Data">Its production dataset.</param>
/// <param name="Computed">Windows judged in this run, or null when unknown.</param>
/// <param name="Reused">Windows read back from the history, or null when unknown.</param>
/// <param name="Severity">The severity of a due retrain (<c>error</c>, <c>warning</c>, <c>info</c>), or null.</param>
/// <param name="Trend">Its windows, decision and markers.</param>
internal sealed record MonitorSummary(string Name, string Data, int? Computed, int? Reused, string? Severity, MonitorTrend Trend);

/// <summary>
/// The Markdown summary of monitors, for a pull request or a CI job summary (<c>$GITHUB_STEP_SUMMARY</c>): the
/// verdict, then per monitor the retraining decision with its reason, a compact trend of the statuses and metrics
/// (no links, no images), the last windows, and every window folded away. <c>modelgates monitor --format markdown</c>
/// prints it; <c>check</c> writes it into its summary for each monitor gate.
/// </summary>
internal static class MonitorMarkdown
{
    /// <summary>The windows the summary's table shows; older ones are in the folded table of every window.</summary>
    internal const int LastWindows = 8;

    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>The summary of <c>modelgates monitor</c>: a verdict line and each monitor.</summary>
    public static string Write(IReadOnlyList<MonitorSummary> monitors)
    {
        var text = new StringBuilder();
        var due = monitors.Where(m => m.Trend.Retrain.Due).ToList();
        text.Append(due.Count == 0
            ? "## ModelGates monitor: ✅ no retraining due\n\n"
            : $"## ModelGates monitor: ⚠️ retraining due ({string.Join(", ", due.Select(m => Escape(m.Name)))})\n\n");
        foreach (var monitor in monitors)
        {
            AppendMonitor(text, monitor, "###");
        }

        return text.ToString();
    }

    /// <summary>One monitor, under a heading of <paramref name="heading"/> (<c>###</c>, or <c>####</c> inside a larger summary).</summary>
    public static void AppendMonitor(StringBuilder text, MonitorSummary monitor, string heading)
    {
        var trend = monitor.Trend;
        var windows = trend.Windows;
        text.Append(CultureInfo.InvariantCulture, $"{heading} {Escape(monitor.Name)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{windows.Count} windows of {Escape(trend.Window)} over `{Escape(monitor.Data)}` ({Escape(trend.TimeZone)})");
        if (monitor.Computed is { } computed && monitor.Reused is { } reused)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {computed} judged now, {reused} reused from the history");
        }

        text.Append(".\n\n");
        var verdict = trend.Retrain.Due ? $"Retraining due{(monitor.Severity is { } s ? $" ({s})" : string.Empty)}" : "Retraining not due";
        text.Append(CultureInfo.InvariantCulture, $"**{verdict}**: {Escape(trend.Retrain.Reason)}\n\n");

        if (windows.Count > 0)
        {
            var first = WindowPlanner.Key(windows[0].Start)[..10];
            var last = WindowPlanner.Key(windows[^1].Start)[..10];
            text.Append(CultureInfo.InvariantCulture, $"Trend, {first} → {last} (✅ ok, ❌ breach, ➖ insufficient):\n\n");
            text.Append("| | trend |\n|---|---|\n");
            text.Append(CultureInfo.InvariantCulture, $"| status | {string.Concat(windows.Select(w => Mark(w.Status)))} |\n");
            text.Append(CultureInfo.InvariantCulture, $"| drifted share (rule {F(trend.DatasetDriftShare)}) | `{Sparkline(windows.Select(w => w.DriftedShare).ToList(), 0, Math.Max(trend.DatasetDriftShare, 1e-9))}` |\n");
            foreach (var metric in trend.Metrics)
            {
                // Realized and estimated share one scale (with the floor), so the two lines compare by eye.
                var both = windows.SelectMany(w => w.Realized.Concat(w.Estimated)).Where(m => m.Metric == metric).ToList();
                var scale = both.Select(m => m.Value).Concat(both.Select(m => m.Floor)).OfType<double>().Where(double.IsFinite).DefaultIfEmpty(0).ToList();
                foreach (var (kind, values) in new[] { ("realized", windows.Select(w => w.Realized.FirstOrDefault(m => m.Metric == metric)).ToList()), ("estimated", windows.Select(w => w.Estimated.FirstOrDefault(m => m.Metric == metric)).ToList()) })
                {
                    if (values.All(v => v?.Value is null))
                    {
                        continue;
                    }

                    var floor = values.LastOrDefault(v => v?.Floor is not null)?.Floor;
                    var numbers = values.Select(v => v?.Value).ToList();
                    text.Append(CultureInfo.InvariantCulture,
                        $"| {Escape(metric)} {kind}{(floor is { } f ? $" (min {F(f)})" : string.Empty)} | `{Sparkline(numbers, scale.Min(), scale.Max())}` last {F(numbers.LastOrDefault(v => v is not null))} |\n");
                }
            }

            text.Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"{Escape(Markers(trend))}\n\n");
            AppendLastWindows(text, trend);
            text.Append(CultureInfo.InvariantCulture, $"<details><summary>All {windows.Count} windows</summary>\n\n");
            AppendAllWindows(text, trend);
            text.Append("\n</details>\n");
        }

        text.Append('\n');
    }

    private static void AppendLastWindows(StringBuilder text, MonitorTrend trend)
    {
        var shown = trend.Windows.TakeLast(LastWindows).ToList();
        // A column per metric and kind that some window has: a metric CBPE cannot estimate gets no empty column.
        var columns = trend.Metrics.SelectMany(m => new[] { (Metric: m, Estimated: false), (Metric: m, Estimated: true) })
            .Where(c => trend.Windows.Any(w => (c.Estimated ? w.Estimated : w.Realized).Any(x => x.Metric == c.Metric))).ToList();
        text.Append(CultureInfo.InvariantCulture, $"Last {shown.Count} windows:\n\n| window (UTC) | status | rows | labelled | drifted share |");
        foreach (var (metric, estimated) in columns)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Escape(metric)} {(estimated ? "estimated [band]" : "realized")} |");
        }

        text.Append(" why |\n|---|---|---:|---:|---:|").Append(string.Concat(columns.Select(_ => "---:|"))).Append("---|\n");
        foreach (var w in shown)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {WindowPlanner.Key(w.Start)} | {Mark(w.Status)} {w.Status} | {w.Rows} | {w.LabelledRows} | {F(w.DriftedShare)} |");
            foreach (var (metric, isEstimate) in columns)
            {
                if (!isEstimate)
                {
                    var realized = w.Realized.FirstOrDefault(m => m.Metric == metric);
                    text.Append(CultureInfo.InvariantCulture, $" {F(realized?.Value)}{(realized?.BelowFloor == true ? " ❌" : string.Empty)} |");
                    continue;
                }

                var estimated = w.Estimated.FirstOrDefault(m => m.Metric == metric);
                var band = estimated?.Lower is not null || estimated?.Upper is not null ? $" [{F(estimated?.Lower)}, {F(estimated?.Upper)}]" : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $" {F(estimated?.Value)}{band}{(estimated is { Upper: { } up, Floor: { } fl } && up < fl ? " ❌" : string.Empty)} |");
            }

            text.Append(CultureInfo.InvariantCulture, $" {Escape(string.Join("; ", w.Reasons))} |\n");
        }

        text.Append('\n');
    }

    private static void AppendAllWindows(StringBuilder text, MonitorTrend trend)
    {
        var metrics = trend.Metrics;
        text.Append("| window (UTC) | rows | labelled | status | drifted share | prediction drift |");
        foreach (var metric in metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Escape(metric)} |");
        }

        text.Append(" why |\n|---|---:|---:|---|---:|---:|");
        text.Append(string.Concat(metrics.Select(_ => "---:|")));
        text.Append("---|\n");
        foreach (var w in trend.Windows)
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
    }

    private static string Markers(MonitorTrend trend)
    {
        var due = trend.Retrain.BecameDue.Count == 0
            ? "Retraining never became due over these windows"
            : "Retraining became due in window " + string.Join(", ", trend.Retrain.BecameDue.Select(k => trend.Windows.FirstOrDefault(w => w.Key == k) is { } w ? WindowPlanner.Key(w.Start) : k));
        var promotions = trend.Promotions.Count == 0 ? "no promotion in the history" : "promoted on " + string.Join(", ", trend.Promotions.Select(WindowPlanner.Key));
        return $"{due}; {promotions}.";
    }

    /// <summary>One block per window, scaled from <paramref name="low"/> to <paramref name="high"/>; a window without a value is a middle dot.</summary>
    internal static string Sparkline(IReadOnlyList<double?> values, double low, double high) =>
        string.Concat(values.Select(v => v is { } x && double.IsFinite(x)
            ? Blocks[high > low ? (int)Math.Round(Math.Clamp((x - low) / (high - low), 0, 1) * (Blocks.Length - 1)) : Blocks.Length / 2]
            : '·'));

    private static string Mark(string status) => status switch { WindowStatus.Ok => "✅", WindowStatus.Breach => "❌", _ => "➖" };

    private static string F(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "–";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
