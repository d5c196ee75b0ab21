using System.Globalization;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring.Trigger;

/// <summary>
/// The retraining rule (docs/monitoring.md#the-retraining-trigger): due when at least <c>breaches</c> of the last
/// <c>of</c> judged windows breached, the cooldown has elapsed since the model's last promotion, and at least
/// <c>minNewLabelledRows</c> labelled rows arrived since then. Insufficient windows are skipped: they count as neither
/// a pass nor a breach, so a quiet week neither hides nor causes a retrain.
/// </summary>
internal static class RetrainRule
{
    public static RetrainDecision Decide(RetrainTrigger trigger, IReadOnlyList<WindowRecord> history, DateTime? lastPromotion, DateTime now)
    {
        var judged = history.Where(w => w.Status != WindowStatus.Insufficient).OrderBy(w => w.Start).ThenBy(w => w.Key, StringComparer.Ordinal).TakeLast(trigger.Of).ToList();
        var breached = judged.Where(w => w.Status == WindowStatus.Breach).ToList();
        var breachesMet = breached.Count >= trigger.Breaches;
        var cooldownElapsed = lastPromotion is not { } promoted || now - promoted >= trigger.Cooldown;
        var newLabelled = history.Where(w => lastPromotion is not { } p || w.Start >= p).Sum(w => w.LabelledRows);
        var labelsMet = newLabelled >= trigger.MinNewLabelledRows;
        var due = breachesMet && cooldownElapsed && labelsMet;

        var promotion = lastPromotion is { } at ? $"the last promotion on {WindowPlanner.Key(at)}" : "the model was never promoted";
        var parts = new List<string>
        {
            Invariant($"{breached.Count} of the last {judged.Count} judged windows breached ({trigger.Breaches} of {trigger.Of} needed)"),
            cooldownElapsed
                ? $"the cooldown of {trigger.CooldownText} has elapsed ({promotion})"
                : $"the cooldown of {trigger.CooldownText} has not elapsed since {promotion}",
            Invariant($"{newLabelled} labelled rows since then ({trigger.MinNewLabelledRows} needed)"),
        };
        var reason = (due ? "Retraining is due: " : "Retraining is not due: ") + string.Join("; ", parts) + ".";
        return new RetrainDecision(due, reason, [.. breached.Select(w => WindowPlanner.Key(w.Start))], breached.Count == 0 ? null : breached[0].Start)
        {
            Breaches = breached.Count,
            Judged = judged.Count,
            LastPromotion = lastPromotion,
            CooldownElapsed = cooldownElapsed,
            NewLabelledRows = newLabelled,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
