using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Monitoring.Trigger;

namespace ModelGates.Tests.Monitoring;

/// <summary>The retraining rule as a truth table: breaches of the last windows, the cooldown, the new labelled rows.</summary>
public sealed class RetrainRuleTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    private static readonly RetrainTrigger Trigger = new() { Breaches = 2, Of = 3, Cooldown = TimeSpan.FromDays(28), CooldownText = "28d", MinNewLabelledRows = 1000 };

    /// <summary>Weekly windows ending last week, oldest first, each with 400 labelled rows; 'b' breach, 'o' ok, 'i' insufficient.</summary>
    private static List<WindowRecord> History(string statuses) =>
    [
        .. statuses.Select((s, i) =>
        {
            var start = Now.AddDays(-7 * (statuses.Length - i));
            return new WindowRecord
            {
                Key = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                Start = start,
                End = start.AddDays(7),
                Rows = s == 'i' ? 3 : 400,
                LabelledRows = s == 'i' ? 3 : 400,
                Hash = "h",
                Status = s switch { 'b' => WindowStatus.Breach, 'o' => WindowStatus.Ok, _ => WindowStatus.Insufficient },
            };
        }),
    ];

    [Theory]
    //          history    promoted days ago  due    (breaches / cooldown / labels)
    [InlineData("oobb", null, true)] //           2 of 3, never promoted, 1600 labelled
    [InlineData("ooob", null, false)] //          1 of 3: not enough breaches
    [InlineData("bbooo", null, false)] //         old breaches fall out of the last 3
    [InlineData("bobi", null, true)] //           the insufficient window is skipped: b,o,b are the last 3 judged
    [InlineData("obbiii", null, true)] //         insufficient windows neither pass nor breach
    [InlineData("oobb", 35, true)] //             cooldown elapsed; windows since the promotion: 5 weeks → 1600 rows (4 windows)
    [InlineData("oobb", 10, false)] //            cooldown not elapsed
    [InlineData("oobb", 28, true)] //             exactly the cooldown: elapsed
    public void Due_only_when_every_condition_holds(string statuses, int? promotedDaysAgo, bool due)
    {
        var history = History(statuses);
        DateTime? promoted = promotedDaysAgo is { } d ? Now.AddDays(-d) : null;

        var decision = RetrainRule.Decide(Trigger, history, promoted, Now);

        var expectedBreaches = history.Where(w => w.Status != WindowStatus.Insufficient).TakeLast(3).Count(w => w.Status == WindowStatus.Breach);
        var expectedLabels = history.Where(w => promoted is null || w.Start >= promoted).Sum(w => w.LabelledRows);
        var expectedCooldown = promoted is null || Now - promoted >= TimeSpan.FromDays(28);
        Assert.Equal(expectedBreaches >= 2 && expectedCooldown && expectedLabels >= 1000, decision.Due);
        Assert.Equal(due, decision.Due);
        Assert.Equal(expectedBreaches, decision.Breaches);
        Assert.Equal(expectedLabels, decision.NewLabelledRows);
        Assert.Equal(expectedCooldown, decision.CooldownElapsed);
        Assert.StartsWith(due ? "Retraining is due" : "Retraining is not due", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_new_labelled_rows_hold_retraining_back()
    {
        // Breaches and cooldown hold, but only 2 windows (800 rows) started after the promotion.
        var decision = RetrainRule.Decide(Trigger, History("bbbbbb"), Now.AddDays(-14), Now.AddDays(20));

        Assert.True(decision.CooldownElapsed);
        Assert.Equal(3, decision.Breaches);
        Assert.Equal(800, decision.NewLabelledRows);
        Assert.False(decision.Due);
        Assert.Contains("800 labelled rows since then (1000 needed)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decision_names_the_breached_windows_and_since_when()
    {
        var history = History("oobob");

        var decision = RetrainRule.Decide(Trigger, history, null, Now);

        Assert.True(decision.Due);
        Assert.Equal([ModelGates.Monitoring.Windows.WindowPlanner.Key(history[2].Start), ModelGates.Monitoring.Windows.WindowPlanner.Key(history[4].Start)], decision.Windows);
        Assert.Equal(history[2].Start, decision.Since);
        Assert.Equal(3, decision.Judged);
    }

    [Fact]
    public void Nothing_breached_means_no_since()
    {
        var decision = RetrainRule.Decide(Trigger, History("ooo"), null, Now);

        Assert.False(decision.Due);
        Assert.Null(decision.Since);
        Assert.Empty(decision.Windows);
    }
}
