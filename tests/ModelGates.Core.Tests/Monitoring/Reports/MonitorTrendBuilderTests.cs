using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Monitoring.Reports;

namespace ModelGates.Tests.Monitoring.Reports;

/// <summary>Where retraining became due, replayed window by window, and how promotions reset it.</summary>
public sealed class MonitorTrendBuilderTests
{
    [Fact]
    public void Retraining_becomes_due_at_the_window_that_completes_breaches_of_the_last_of_judged_windows_skipping_insufficient_ones()
    {
        // 2 of 3: windows 5 and 7 breach with the insufficient window 6 between them, so 7 completes the rule.
        var result = TrendData.Result(10, 3, breaches: new HashSet<int> { 5, 7, 8, 9 }, insufficient: new HashSet<int> { 6 });

        var trend = MonitorTrendBuilder.Build(result, 0.5, []);

        Assert.Equal([result.Windows[7].Key], trend.Retrain.BecameDue);
        Assert.True(trend.Retrain.Due);
        Assert.Equal(result.Retrain.Windows, trend.Retrain.Breached);
    }

    [Fact]
    public void A_promotion_inside_the_cooldown_stops_the_rule_and_it_becomes_due_again_once_the_cooldown_ran_out()
    {
        var trigger = new RetrainTrigger { Breaches = 2, Of = 3, Cooldown = TimeSpan.FromDays(28), CooldownText = "28d" };
        var result = TrendData.Result(16, 3, breaches: new HashSet<int> { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 }, trigger: trigger);
        var promoted = result.Windows[5].Start.AddDays(2);

        var trend = MonitorTrendBuilder.Build(result, 0.5, [promoted]);

        // Due at window 4 (two breaches); the promotion during window 5 restarts the 28-day cooldown, which has run out by
        // the end of the first window that ends 28 days after it.
        var again = result.Windows.First(w => w.End - promoted >= TimeSpan.FromDays(28));
        Assert.Equal([result.Windows[4].Key, again.Key], trend.Retrain.BecameDue);
        Assert.Equal([promoted], trend.Promotions);
    }
}
