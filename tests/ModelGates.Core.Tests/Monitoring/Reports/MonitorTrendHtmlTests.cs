using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Reports;
using ModelGates.Reports.Html;
using ModelGates.Reports.Html.Charts;
using static ModelGates.Tests.Monitoring.Reports.TrendData;

namespace ModelGates.Tests.Monitoring.Reports;

/// <summary>
/// The sample monitor's trends in the HTML report of <c>check</c>: one chart per gated metric with its floor, the
/// estimate's band, the windows' statuses and the markers at the right windows, read back from the SVG.
/// </summary>
public sealed class MonitorTrendHtmlTests(SampleMonitorFixture sample) : IClassFixture<SampleMonitorFixture>
{
    private IReadOnlyList<ModelGates.Monitoring.Reports.TrendWindow> Windows => sample.Trend.Windows;

    [Fact]
    public void Each_gated_metric_has_one_chart_whose_floor_separates_the_windows_below_it_from_those_above()
    {
        var charts = Charts(sample.Html).Select(c => c.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(["auc per window", "gini per window"], charts.Where(t => t.EndsWith(" per window", StringComparison.Ordinal) && !t.StartsWith("Drifted", StringComparison.Ordinal)));

        foreach (var metric in new[] { "auc", "gini" })
        {
            var chart = Chart(sample.Html, $"{metric} per window");
            var floorLine = Assert.Single(Of(chart, "line", "floor"));
            var floorY = Number(floorLine, "y1");
            Assert.Equal(floorY, Number(floorLine, "y2"));
            var realized = Of(chart, "circle", "series0");
            var values = Windows.Select(w => w.Realized.SingleOrDefault(m => m.Metric == metric)).Where(m => m?.Value is not null).ToList();
            Assert.Equal(values.Count, realized.Count);
            for (var i = 0; i < values.Count; i++)
            {
                // SVG's y grows downwards: a value below its floor is drawn below the floor's line.
                Assert.True(values[i]!.BelowFloor == Number(realized[i], "cy") > floorY, $"{metric} {values[i]!.Value} against {values[i]!.Floor}: cy {Number(realized[i], "cy")}, floor {floorY}");
            }
        }
    }

    [Fact]
    public void The_estimate_is_drawn_inside_its_shaded_band_and_only_the_estimated_metric_has_one()
    {
        var auc = Chart(sample.Html, "auc per window");
        var gini = Chart(sample.Html, "gini per window");
        var bands = Of(auc, "polygon", "tband");
        var estimates = Of(auc, "circle", "series1");

        Assert.Empty(Of(gini, "polygon", "tband"));
        Assert.Empty(Of(gini, "circle", "series1"));
        Assert.Equal(Windows.Count(w => w.Estimated.Any(m => m.Metric == "auc" && m.Value is not null)), estimates.Count);
        // The outage week has no estimate: the band is broken there, one area before it and one after.
        Assert.Equal(2, bands.Count);
        var outline = bands.SelectMany(b => ((string)b.Attribute("points")!).Split(' ').Select(p => p.Split(',')).Select(p => (X: double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Y: double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        foreach (var estimate in estimates)
        {
            var at = outline.Where(p => Math.Abs(p.X - Number(estimate, "cx")) < 0.01).Select(p => p.Y).ToList();
            Assert.Equal(2, at.Count);
            Assert.InRange(Number(estimate, "cy"), at.Min(), at.Max());
        }
    }

    [Fact]
    public void Breached_and_insufficient_windows_are_shaded_in_their_slots_in_time_order()
    {
        var chart = Chart(sample.Html, "auc per window");
        var breaches = Of(chart, "rect", "tbreach");
        var insufficient = Of(chart, "rect", "tinsufficient");
        var n = Windows.Count;

        var breachIndexes = Windows.Select((w, i) => (w, i)).Where(x => x.w.Status == WindowStatus.Breach).Select(x => x.i).ToList();
        Assert.NotEmpty(breachIndexes);
        Assert.Equal(breachIndexes.Select(i => Math.Round(TrendChart.X(i, n), 2)), breaches.Select(r => Number(r, "x")));
        Assert.Equal(breachIndexes.Select(i => Windows[i].Key), breaches.Select(r => Tooltip(r)[..20]));
        Assert.All(breaches, r => Assert.Contains("breach", Tooltip(r), StringComparison.Ordinal));
        var outage = Assert.Single(Windows.Select((w, i) => (w, i)), x => x.w.Status == WindowStatus.Insufficient);
        Assert.Equal(Math.Round(TrendChart.X(outage.i, n), 2), Number(Assert.Single(insufficient), "x"));
    }

    [Fact]
    public void The_retrain_marker_stands_in_the_window_that_first_completed_the_trigger_on_every_trend_chart()
    {
        // 2 of the last 3 judged windows (the sample's trigger; never promoted, labels plenty): the second breach among judged windows.
        var judged = Windows.Select((w, i) => (w, i)).Where(x => x.w.Status != WindowStatus.Insufficient).ToList();
        var due = judged.Where(x => x.w.Status == WindowStatus.Breach).Skip(1).First().i;

        Assert.Equal([Windows[due].Key], sample.Trend.Retrain.BecameDue);
        foreach (var title in new[] { "auc per window", "gini per window", "Drifted share per window" })
        {
            var marker = Assert.Single(Of(Chart(sample.Html, title), "line", "tdue"));
            Assert.Equal(Math.Round(TrendChart.X(due + 0.5, Windows.Count), 2), Number(marker, "x1"));
        }

        Assert.Empty(Of(Chart(sample.Html, "auc per window"), "line", "tpromotion"));
        Assert.Contains("no promotion in the history", sample.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_drifted_share_bars_reach_the_dataset_rule_exactly_in_the_windows_that_drifted()
    {
        var chart = Chart(sample.Html, "Drifted share per window");
        var bars = Of(chart, "rect", "tbar");
        var rule = Assert.Single(Of(chart, "line", "floor"));

        Assert.Equal(0.25, sample.Trend.DatasetDriftShare);
        var judged = Windows.Where(w => w.DriftedShare is not null).ToList();
        Assert.Equal(judged.Count, bars.Count);
        Assert.Equal(judged.Select(w => w.DriftedShare >= 0.25), bars.Select(b => ((string)b.Attribute("class")!).Contains("reached", StringComparison.Ordinal)));
        Assert.All(bars.Where(b => ((string)b.Attribute("class")!).Contains("reached", StringComparison.Ordinal)), b => Assert.True(Number(b, "y") <= Number(rule, "y1")));
    }

    [Fact]
    public void The_heat_map_colours_a_cell_per_column_and_window_by_effect_over_threshold_and_outlines_the_drifted_cells()
    {
        var chart = Chart(sample.Html, "Drift effect per column and window");
        var columns = sample.Trend.Columns;
        var rows = columns.Select(c => (Func<ModelGates.Monitoring.Reports.TrendWindow, ModelGates.Monitoring.Reports.TrendEffect?>)(w => w.Drift.FirstOrDefault(d => d.Column == c)))
            .Append(w => w.Prediction).ToList();
        var steps = HeatSteps(chart, rows.Count, Windows.Count);

        // Every cell is drawn once, in the step its effect ÷ threshold falls in.
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < Windows.Count; i++)
            {
                Assert.Equal(HeatMap.Step(rows[r](Windows[i]) is { } e ? e.Effect / e.Threshold : null), steps[r, i]);
            }
        }

        Assert.Contains(steps.Cast<string?>(), s => s != "q0");
        var drifted = Windows.SelectMany(w => w.Drift.Where(d => d.Status == "drift").Select(d => $"{d.Column} {w.Key[..10]}:"))
            .Concat(Windows.Where(w => w.Prediction?.Status == "drift").Select(w => $"{w.Prediction!.Column} (prediction) {w.Key[..10]}:"))
            .Order(StringComparer.Ordinal).ToList();
        var outlined = Of(chart, "rect", "qd").Select(c => Tooltip(c)[..(Tooltip(c).IndexOf(':', StringComparison.Ordinal) + 1)]).Order(StringComparer.Ordinal);
        Assert.NotEmpty(drifted);
        Assert.Equal(drifted, outlined);
    }

    [Fact]
    public void Every_chart_has_its_numbers_in_a_table_and_the_report_loads_nothing()
    {
        var section = sample.Html[sample.Html.IndexOf("<h2>Monitors</h2>", StringComparison.Ordinal)..];

        Assert.Equal(4, section.Split("<details><summary>").Length - 1);
        Assert.Contains("<caption>auc per window</caption>", section, StringComparison.Ordinal);
        Assert.Contains("<caption>Drift effect per column and window (✘ drifted)</caption>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", sample.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", sample.Html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", sample.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_run_renders_the_same_bytes_and_its_result_read_back_renders_them_again()
    {
        var again = GateRunner.Run(GatesConfigReader.Read(sample.Config), SampleMonitorFixture.Options);
        var readBack = GateReportJson.Read(System.Text.Encoding.UTF8.GetString(GateReportJson.Write(sample.Report)), "modelgates.result.json");

        Assert.Equal(sample.Html, HtmlReportWriter.Render(again));
        Assert.Equal(sample.Html, HtmlReportWriter.Render(readBack));
    }

    [Fact]
    public void The_summary_of_check_shows_the_monitor_decision_and_its_trend_before_the_folded_gates()
    {
        var markdown = sample.Markdown;
        var monitors = markdown.IndexOf("### Monitors", StringComparison.Ordinal);

        Assert.True(monitors > 0 && monitors < markdown.IndexOf("<details><summary>", StringComparison.Ordinal));
        Assert.Contains("#### scoring", markdown, StringComparison.Ordinal);
        Assert.Contains("**Retraining due (error)**: Retraining is due:", markdown, StringComparison.Ordinal);
        Assert.Contains("| status | " + string.Concat(Windows.Select(w => w.Status switch { "ok" => "✅", "breach" => "❌", _ => "➖" })) + " |", markdown, StringComparison.Ordinal);
        Assert.Contains($"Retraining became due in window {sample.Trend.Retrain.BecameDue.Single()}", markdown, StringComparison.Ordinal);
    }
}
