using System.Globalization;
using System.Text;
using ModelGates.Gates;
using ModelGates.Monitoring.Windows;
using ModelGates.Reports.Html;
using ModelGates.Reports.Html.Charts;
using ModelGates.Reports.Html.Sections;

namespace ModelGates.Monitoring.Reports;

/// <summary>
/// The monitors' trends in the HTML report (docs/monitoring.md#the-report): per monitor, per gated metric the realized
/// and estimated values with the estimate's band and the floor; the drifted share against the dataset rule; a heat map
/// of each column's effect against its threshold; breached and insufficient windows shaded, markers where retraining
/// became due and where the model was promoted. Every chart is followed by its numbers in a table.
/// </summary>
internal static class MonitorTrendSection
{
    public static void Write(StringBuilder html, IReadOnlyList<GateResult> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Monitors</h2>");
        foreach (var gate in gates)
        {
            html.Append("<h3>").Append(Html.Escape(gate.Name)).Append("</h3>");
            if (gate.Details is not MonitorTrend trend)
            {
                ChecksTable.Write(html, gate, onlyProblems: false);
                continue;
            }

            WriteTrend(html, gate, trend);
        }

        html.Append("</section>");
    }

    private static void WriteTrend(StringBuilder html, GateResult gate, MonitorTrend trend)
    {
        var windows = trend.Windows;
        html.Append("<p class=\"meta\">").Append(windows.Count.ToString(CultureInfo.InvariantCulture)).Append(" windows of ").Append(Html.Escape(trend.Window))
            .Append(" over <code>").Append(Html.Escape(Html.Fact(gate.Facts, "data"))).Append("</code> (").Append(Html.Escape(trend.TimeZone)).Append(") · ")
            .Append(Count(windows, WindowStatus.Breach)).Append(" breached · ").Append(Count(windows, WindowStatus.Insufficient)).Append(" insufficient</p>");
        html.Append("<p>").Append(trend.Retrain.Due ? "<span class=\"status bad\">✘ retraining due</span>" : "<span class=\"status ok\">✔ retraining not due</span>")
            .Append(": ").Append(Html.Escape(trend.Retrain.Reason)).Append("</p>");
        html.Append("<p class=\"meta\">").Append(Html.Escape(MarkersText(trend))).Append("</p>");
        if (windows.Count == 0)
        {
            return;
        }

        var zone = Zone(trend.TimeZone);
        var slots = windows.Select(w => new TrendSlot(
            TimeZoneInfo.ConvertTimeFromUtc(w.Start, zone).ToString("MMM d", CultureInfo.InvariantCulture),
            w.Status,
            $"{WindowPlanner.Key(w.Start)}: {w.Status}{(w.Reasons.Count == 0 ? string.Empty : " — " + string.Join("; ", w.Reasons))}")).ToList();
        var markers = Markers(trend);

        html.Append("<div class=\"charts\">");
        foreach (var metric in trend.Metrics)
        {
            WriteMetric(html, trend, metric, slots, markers);
        }

        WriteDriftedShare(html, trend, slots, markers);
        html.Append("</div>");
        WriteHeatMap(html, trend);
    }

    private static void WriteMetric(StringBuilder html, MonitorTrend trend, string metric, IReadOnlyList<TrendSlot> slots, IReadOnlyList<TrendMarker> markers)
    {
        var realized = trend.Windows.Select(w => w.Realized.FirstOrDefault(m => m.Metric == metric)).ToList();
        var estimated = trend.Windows.Select(w => w.Estimated.FirstOrDefault(m => m.Metric == metric)).ToList();
        var floor = realized.Concat(estimated).LastOrDefault(m => m?.Floor is not null)?.Floor;
        var lines = new List<TrendLine>();
        if (realized.Any(m => m?.Value is not null))
        {
            lines.Add(new TrendLine("realized", [.. realized.Select(m => m?.Value)], 0));
        }

        TrendBand? band = null;
        if (estimated.Any(m => m?.Value is not null))
        {
            lines.Add(new TrendLine("estimated (CBPE)", [.. estimated.Select(m => m?.Value)], 1));
            band = new TrendBand("estimate's sampling band (±3 standard errors)", [.. estimated.Select(m => m?.Lower)], [.. estimated.Select(m => m?.Upper)]);
        }

        var title = $"{metric} per window";
        var description = $"{metric} per window: {string.Join(", ", lines.Select(l => l.Name))}{(band is null ? string.Empty : ", with the estimate's band")}"
            + (floor is { } f ? $"; floor (min) {Html.Number(f)}" : string.Empty) + ". The table below holds the numbers.";
        html.Append("<figure class=\"trend\"><figcaption>").Append(Html.Escape(metric)).Append(floor is { } min ? $" (min {Html.Escape(Html.Number(min))})" : string.Empty).Append("</figcaption>")
            .Append(TrendChart.Render(title, description, slots, lines, band, floor is { } rule ? (rule, "min " + Axis.Label(rule)) : null, markers: markers));
        html.Append("<details><summary>").Append(Html.Escape(metric)).Append(" as a table</summary>");
        Html.Table(html, title, "window (UTC)", "status", "realized", "estimated", "band", "min");
        for (var i = 0; i < trend.Windows.Count; i++)
        {
            var w = trend.Windows[i];
            var e = estimated[i];
            Html.Row(
                html,
                Html.Escape(WindowPlanner.Key(w.Start)),
                Html.Status(w.Status),
                Html.Escape(Html.Number(realized[i]?.Value)) + (realized[i]?.BelowFloor == true ? " ✘" : string.Empty),
                Html.Escape(Html.Number(e?.Value)),
                e?.Lower is null && e?.Upper is null ? Html.Missing : Html.Escape($"[{Html.Number(e?.Lower)}, {Html.Number(e?.Upper)}]"),
                Html.Escape(Html.Number((realized[i] ?? e)?.Floor)));
        }

        Html.EndTable(html);
        html.Append("</details></figure>");
    }

    private static void WriteDriftedShare(StringBuilder html, MonitorTrend trend, IReadOnlyList<TrendSlot> slots, IReadOnlyList<TrendMarker> markers)
    {
        var shares = new TrendLine("drifted share", [.. trend.Windows.Select(w => w.DriftedShare)], 0);
        var title = "Drifted share per window";
        var description = $"The weighted share of drifted columns per window as bars, against the dataset rule {Html.Number(trend.DatasetDriftShare)}. The table below holds the numbers.";
        html.Append("<figure class=\"trend\"><figcaption>drifted share (dataset rule ").Append(Html.Escape(Html.Number(trend.DatasetDriftShare))).Append(")</figcaption>")
            .Append(TrendChart.Render(title, description, slots, [], rule: (trend.DatasetDriftShare, "rule " + Axis.Label(trend.DatasetDriftShare)), bars: shares, markers: markers));
        html.Append("<details><summary>drifted share as a table</summary>");
        Html.Table(html, title, "window (UTC)", "rows", "labelled", "status", "drifted share", "prediction drift", "why");
        foreach (var w in trend.Windows)
        {
            Html.Row(
                html,
                Html.Escape(WindowPlanner.Key(w.Start)),
                Html.Escape(w.Rows.ToString(CultureInfo.InvariantCulture)),
                Html.Escape(w.LabelledRows.ToString(CultureInfo.InvariantCulture)),
                Html.Status(w.Status),
                Html.Escape(Html.Number(w.DriftedShare)),
                w.Prediction is { } p ? Html.Escape(Html.Number(p.Effect)) + (p.Status == "drift" ? " ✘" : string.Empty) : Html.Missing,
                Html.Escape(string.Join("; ", w.Reasons)));
        }

        Html.EndTable(html);
        html.Append("</details></figure>");
    }

    private static void WriteHeatMap(StringBuilder html, MonitorTrend trend)
    {
        var columns = trend.Columns.ToList();
        var prediction = trend.Windows.Select(w => w.Prediction?.Column).FirstOrDefault(c => c is not null);
        var rows = columns.Select(c => (Label: c, Of: (Func<TrendWindow, TrendEffect?>)(w => w.Drift.FirstOrDefault(d => d.Column == c)))).ToList();
        if (prediction is not null)
        {
            rows.Add(($"{prediction} (prediction)", w => w.Prediction));
        }

        if (rows.Count == 0)
        {
            return;
        }

        var labels = trend.Windows.Select(w => WindowPlanner.Key(w.Start)[..10]).ToList();
        var cells = rows.Select(r => (IReadOnlyList<HeatCell>)trend.Windows.Select((w, i) => Cell(r.Label, labels[i], r.Of(w))).ToList()).ToList();
        var title = "Drift effect per column and window";
        html.Append("<figure class=\"trend\"><figcaption>effect ÷ threshold per column and window (outlined: drifted)</figcaption>")
            .Append(HeatMap.Render(title, "Each column's drift effect per window as a multiple of its threshold, in four colour steps; drifted cells are outlined, with effect / threshold as their tooltip. The table below holds every cell's numbers.", [.. rows.Select(r => r.Label)], labels, cells));
        html.Append("<details><summary>effects as a table</summary><div class=\"scroll\">");
        Html.Table(html, title + " (✘ drifted)", ["window (UTC)", .. rows.Select(r => r.Label)]);
        for (var i = 0; i < trend.Windows.Count; i++)
        {
            var w = trend.Windows[i];
            Html.Row(html, [Html.Escape(labels[i]), .. rows.Select(r => r.Of(w) is { } e ? Html.Escape(Html.Number(e.Effect)) + (e.Status == "drift" ? " ✘" : string.Empty) : Html.Missing)]);
        }

        Html.EndTable(html);
        html.Append("</div></details></figure>");
    }

    private static HeatCell Cell(string column, string window, TrendEffect? effect) => effect is null
        ? new HeatCell(null, false, $"{column} {window}: not compared")
        : new HeatCell(effect.Ratio, effect.Status == "drift", $"{column} {window}: {Html.Number(effect.Effect)} / {Html.Number(effect.Threshold)}{(effect.Status == "ok" ? string.Empty : " " + effect.Status)}");

    /// <summary>Where retraining became due (the middle of that window) and where the model was promoted (by time, inside its window).</summary>
    internal static IReadOnlyList<TrendMarker> Markers(MonitorTrend trend)
    {
        var windows = trend.Windows;
        var markers = new List<TrendMarker>();
        foreach (var key in trend.Retrain.BecameDue)
        {
            var i = windows.ToList().FindIndex(w => w.Key == key);
            if (i >= 0)
            {
                markers.Add(new TrendMarker(i + 0.5, "retrain due", "due", $"retraining became due in window {WindowPlanner.Key(windows[i].Start)}"));
            }
        }

        foreach (var promoted in trend.Promotions)
        {
            var i = windows.ToList().FindIndex(w => w.Start <= promoted && promoted < w.End);
            if (i >= 0)
            {
                var within = (promoted - windows[i].Start).TotalSeconds / Math.Max(1, (windows[i].End - windows[i].Start).TotalSeconds);
                markers.Add(new TrendMarker(i + within, "promoted", "promotion", $"promoted on {WindowPlanner.Key(promoted)}"));
            }
        }

        return [.. markers.OrderBy(m => m.Position)];
    }

    private static string MarkersText(MonitorTrend trend)
    {
        var due = trend.Retrain.BecameDue.Count == 0 ? "Retraining never became due over these windows" : "Retraining became due in window " + string.Join(", ", trend.Retrain.BecameDue.Select(k => KeyDate(trend, k)));
        var promotions = trend.Promotions.Count == 0 ? "no promotion in the history" : "promoted on " + string.Join(", ", trend.Promotions.Select(WindowPlanner.Key));
        return $"{due}; {promotions}. Shaded: breached (✘) and insufficient (?) windows.";
    }

    private static string KeyDate(MonitorTrend trend, string key) => trend.Windows.FirstOrDefault(w => w.Key == key) is { } w ? WindowPlanner.Key(w.Start) : key;

    private static int Count(IReadOnlyList<TrendWindow> windows, string status) => windows.Count(w => w.Status == status);

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A result read on a machine without that zone still renders, with dates in UTC.
            return TimeZoneInfo.Utc;
        }
    }
}
