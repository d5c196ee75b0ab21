using ModelGates.Drift.Engine.Options;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.Trigger;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring.Reports;

/// <summary>Builds a <see cref="MonitorTrend"/> from what a monitor found, its drift options and the promotions in its history.</summary>
internal static class MonitorTrendBuilder
{
    /// <summary>The trend of <paramref name="result"/>, with the promotions the run read from the monitor's history (none when it has no model or was never promoted).</summary>
    public static MonitorTrend Build(GatesConfig config, MonitorResult result) =>
        Build(result, DatasetDriftShare(config, result.Monitor), result.Promotions);

    /// <summary>The trend of <paramref name="result"/> with the given dataset rule and promotions.</summary>
    public static MonitorTrend Build(MonitorResult result, double datasetDriftShare, IReadOnlyList<DateTime> promotions)
    {
        var monitor = result.Monitor;
        var windows = result.Windows.OrderBy(w => w.Start).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
        var breachedStarts = result.Retrain.Windows.ToHashSet(StringComparer.Ordinal);
        return new MonitorTrend
        {
            Window = monitor.Window.Text,
            TimeZone = monitor.TimeZone.Id,
            DatasetDriftShare = datasetDriftShare,
            Windows = [.. windows.Select(ToTrend)],
            Retrain = new TrendRetrain(
                result.Retrain.Due,
                result.Retrain.Reason,
                [.. windows.Where(w => breachedStarts.Contains(WindowPlanner.Key(w.Start))).Select(w => w.Key)],
                BecameDue(monitor.Trigger, windows, promotions)),
            Promotions = [.. promotions.Order()],
        };
    }

    /// <summary>
    /// The windows at which the trigger turned from not due to due, the rule replayed window by window over the windows
    /// as they are now: at each window's end, over it and the windows before it, with the promotions made by then.
    /// Labels that arrived late count as if they had been there, so this says when the data (now known) called for
    /// retraining, not when a past run said so.
    /// </summary>
    internal static IReadOnlyList<string> BecameDue(RetrainTrigger trigger, IReadOnlyList<WindowRecord> windows, IReadOnlyList<DateTime> promotions)
    {
        var keys = new List<string>();
        var wasDue = false;
        for (var i = 0; i < windows.Count; i++)
        {
            var now = windows[i].End;
            DateTime? last = promotions.Where(p => p <= now).DefaultIfEmpty().Max() is var p && p != default ? p : null;
            var due = RetrainRule.Decide(trigger, windows.Take(i + 1).ToList(), last, now).Due;
            if (due && !wasDue)
            {
                keys.Add(windows[i].Key);
            }

            wasDue = due;
        }

        return keys;
    }

    private static TrendWindow ToTrend(WindowRecord w) => new(
        w.Key,
        w.Start,
        w.End,
        w.Rows,
        w.LabelledRows,
        w.Status,
        w.Reasons,
        w.DriftedShare,
        [.. w.Columns.Select(Effect)],
        w.Prediction is { } p ? Effect(p) : null,
        w.Realized,
        w.Estimated);

    private static TrendEffect Effect(WindowColumn c) => new(c.Column, c.Status, c.Effect, c.Threshold);

    private static double DatasetDriftShare(GatesConfig config, MonitorDeclaration monitor) =>
        (monitor.DriftGate is { } name ? config.Drift.FirstOrDefault(d => d.Name == name)?.Options : null)?.DatasetDriftShare ?? DriftOptions.Default.DatasetDriftShare;

}
