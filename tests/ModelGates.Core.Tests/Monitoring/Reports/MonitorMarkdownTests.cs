using ModelGates.Monitoring.Reports;

namespace ModelGates.Tests.Monitoring.Reports;

/// <summary>The Markdown summary for a pull request or a job: verdict, reason, compact trend, last windows.</summary>
public sealed class MonitorMarkdownTests
{
    [Fact]
    public void The_summary_holds_the_decision_a_status_strip_in_window_order_the_last_windows_and_every_window_folded()
    {
        var result = TrendData.Result(12, 3, breaches: new HashSet<int> { 9, 10, 11 }, insufficient: new HashSet<int> { 2 });
        var trend = MonitorTrendBuilder.Build(result, 0.5, []);

        var text = MonitorMarkdown.Write([new MonitorSummary("scoring", "production", 1, 11, "error", trend)]);

        Assert.StartsWith("## ModelGates monitor: ⚠️ retraining due (scoring)\n", text, StringComparison.Ordinal);
        Assert.Contains($"**Retraining due (error)**: {result.Retrain.Reason}", text, StringComparison.Ordinal);
        var strip = string.Concat(result.Windows.Select(w => w.Status switch { "ok" => "✅", "breach" => "❌", _ => "➖" }));
        Assert.Contains($"| status | {strip} |", text, StringComparison.Ordinal);
        Assert.Contains($"Retraining became due in window {result.Windows[10].Key}", text, StringComparison.Ordinal);
        var last = text[text.IndexOf("Last 8 windows:", StringComparison.Ordinal)..text.IndexOf("<details>", StringComparison.Ordinal)];
        var rows = last.Split('\n').Where(l => l.StartsWith("| 2026-", StringComparison.Ordinal)).ToList();
        Assert.Equal(result.Windows.TakeLast(8).Select(w => w.Key), rows.Select(r => r[2..22]));
        Assert.Contains("| auc realized | auc estimated [band] |", last, StringComparison.Ordinal);
        Assert.Contains($"<details><summary>All 12 windows</summary>", text, StringComparison.Ordinal);
        Assert.Equal(12 + 8, text.Split('\n').Count(l => l.StartsWith("| 2026-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(new double[] { 0, 0.5, 1 }, 0, 1, "▁▅█")]
    [InlineData(new double[] { 2, 2 }, 2, 2, "▅▅")]
    public void Sparklines_scale_values_between_the_bounds(double[] values, double low, double high, string expected) =>
        Assert.Equal(expected, MonitorMarkdown.Sparkline([.. values.Select(v => (double?)v)], low, high));

    [Fact]
    public void A_window_without_a_value_is_a_dot_in_the_sparkline() =>
        Assert.Equal("▁·█", MonitorMarkdown.Sparkline([0, null, 1], 0, 1));
}
