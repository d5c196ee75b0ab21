using System.Globalization;
using System.Text;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Models.Evaluation.Thresholds;

namespace ModelGates.Reports;

/// <summary>
/// A Markdown summary of a gate run for pull requests and CI job summaries: the verdict, then the checks
/// that need attention, then every gate with its checks folded away.
/// </summary>
public static class GateReportMarkdown
{
    /// <summary>The summary; <paramref name="htmlReport"/> is linked when given.</summary>
    public static string Write(GateReport report, string? htmlReport = null)
    {
        var text = new StringBuilder();
        var counts = report.Counts;
        var verdict = report.Passed ? "✅ passed" : "❌ failed";
        text.Append(CultureInfo.InvariantCulture, $"## ModelGates: {verdict}\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{report.Checks.Count()} checks: {counts[CheckStatus.Passed]} passed, {counts[CheckStatus.Failed]} failed, {counts[CheckStatus.Warned]} warned, {counts[CheckStatus.Waived]} waived, {counts[CheckStatus.Insufficient]} insufficient data.\n\n");

        var attention = report.Checks.Where(c => c.Status is CheckStatus.Failed or CheckStatus.Warned or CheckStatus.Waived).ToList();
        if (attention.Count > 0)
        {
            text.Append("| status | check | measured | bound | code |\n|---|---|---|---|---|\n");
            foreach (var check in attention.OrderBy(c => c.Status).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                AppendRow(text, check);
            }

            text.Append('\n');
        }

        AppendMonitors(text, report);
        foreach (var gate in report.Gates)
        {
            var mark = gate.Passed ? "✅" : "❌";
            text.Append(CultureInfo.InvariantCulture, $"<details><summary>{mark} {gate.Kind} <b>{Escape(gate.Name)}</b> ({gate.Checks.Count} checks)</summary>\n\n");
            text.Append("| status | check | measured | bound | code |\n|---|---|---|---|---|\n");
            foreach (var check in gate.Checks)
            {
                AppendRow(text, check);
            }

            if (gate.Details is ModelGateDetails model)
            {
                AppendSignificance(text, model);
                AppendWeakSegments(text, model);
                if (model.Importance is { } importance)
                {
                    AppendImportance(text, gate.Name, importance);
                }
            }

            text.Append("\n</details>\n\n");
        }

        if (htmlReport is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Full report with charts: [{Escape(Path.GetFileName(htmlReport))}]({htmlReport})\n");
        }

        return text.ToString();
    }

    /// <summary>Each monitor's retraining decision, compact trend and last windows (docs/monitoring.md#the-report), unfolded: what a reviewer reads first.</summary>
    private static void AppendMonitors(StringBuilder text, GateReport report)
    {
        var monitors = report.Gates.Where(g => g.Details is Monitoring.Reports.MonitorTrend).ToList();
        if (monitors.Count == 0)
        {
            return;
        }

        text.Append("### Monitors\n\n");
        foreach (var gate in monitors)
        {
            var retrain = gate.Checks.FirstOrDefault(c => c.Id == $"monitor:{gate.Name}/retrain")?.Diagnostic;
            var summary = new Monitoring.Reports.MonitorSummary(
                gate.Name,
                Fact(gate, "data") ?? "?",
                int.TryParse(Fact(gate, "windowsComputed"), NumberStyles.None, CultureInfo.InvariantCulture, out var computed) ? computed : null,
                int.TryParse(Fact(gate, "windowsReused"), NumberStyles.None, CultureInfo.InvariantCulture, out var reused) ? reused : null,
                retrain?.Severity.ToText(),
                (Monitoring.Reports.MonitorTrend)gate.Details!);
            Monitoring.Reports.MonitorMarkdown.AppendMonitor(text, summary, "####");
        }
    }

    private static string? Fact(GateResult gate, string key) => gate.Facts.LastOrDefault(f => f.Key == key).Value;

    /// <summary>The status as a word with a symbol, readable without colour.</summary>
    internal static string StatusLabel(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "✅ passed",
        CheckStatus.Failed => "❌ failed",
        CheckStatus.Warned => "⚠️ warning",
        CheckStatus.Waived => "💤 waived",
        CheckStatus.Insufficient => "❔ insufficient data",
        _ => "⏭️ skipped",
    };

    /// <summary>
    /// The change thresholds judged by significance, each with the one-sided bound its verdict used, so that the bound
    /// printed is always on the verdict's side of the allowance.
    /// </summary>
    private static void AppendSignificance(StringBuilder text, ModelGateDetails model)
    {
        var judged = model.Changes.Where(c => c.Significance is not null).ToList();
        if (judged.Count == 0)
        {
            return;
        }

        var label = judged[0].Significance!.BoundLabel;
        text.Append(CultureInfo.InvariantCulture, $"\n| change threshold | measured | allowed | {label} | p | verdict |\n|---|---|---|---|---|---|\n");
        foreach (var change in judged)
        {
            var s = change.Significance!;
            // A pass beyond the allowance is the regression the test did not confirm (MG4009 in the checks).
            var verdict = change.Status == ThresholdStatus.Failed ? "regressed"
                : change.ExceedsBound ? "not significant"
                : "within the allowance";
            text.Append(CultureInfo.InvariantCulture,
                $"| {Escape(change.Metric)} {change.Kind.ToKey()} | {Number(change.Measured)} | {Number(change.Bound)} | {Number(s.DropLowerBound)} | {Number(s.PValue)} | {verdict} |\n");
        }
    }

    // The significant weak segments (docs/evaluate.md#weak-segments), most significant first.
    private static void AppendWeakSegments(StringBuilder text, ModelGateDetails model)
    {
        if (model.WeakSegments is not { } weak)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\nWeak segments: {weak.Segments.Count} significant of {weak.Tested} tested (Holm α {Number(weak.Alpha)}, at least {weak.MinRows} rows; {Escape(weak.Metric)} overall {Number(weak.Overall)}).\n");
        if (weak.Segments.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\n| segment | rows | {Escape(weak.Metric)} | drop | mean {Escape(weak.Loss)} | adjusted p |\n|---|---|---|---|---|---|\n");
        foreach (var segment in weak.Segments)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {Escape(segment.Description)} | {segment.Rows} | {Number(segment.Value)} | {Number(segment.Drop)} | {Number(segment.MeanLoss)} | {Number(segment.AdjustedPValue)} |\n");
        }
    }

    /// <summary>The permutation importances, most important first, with their intervals and the baseline's values.</summary>
    private static void AppendImportance(StringBuilder text, string gate, ImportanceDetails importance)
    {
        var percent = Math.Round(importance.Confidence * 100, 4).ToString("0.####", CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture,
            $"\nPermutation importance of {Escape(gate)}: drop of {importance.Metric} when a column is shuffled ({importance.Repeats} repeats, {percent}% intervals over {importance.Resamples} row resamples, seed {importance.Seed}).\n\n");
        var hasBaseline = importance.Features.Any(f => f.Baseline is not null);
        text.Append(hasBaseline ? "| rank | column | importance | interval | baseline |\n|---|---|---|---|---|\n" : "| rank | column | importance | interval |\n|---|---|---|---|\n");
        foreach (var f in importance.Features)
        {
            var forbidden = importance.Forbidden.Contains(f.Column, StringComparer.Ordinal) ? " (forbidden)" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"| {f.Rank} | {Escape(f.Column)}{forbidden} | {Number(f.Importance)} | [{Number(f.Lower)}, {Number(f.Upper)}] |");
            text.Append(hasBaseline ? $" {Number(f.Baseline)} |\n" : "\n");
        }

        if (importance.Shift is { } shift)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\nAgainst the {Escape(shift.Source)}: {shift.Method} rank correlation {Number(shift.RankCorrelation)} over {shift.Columns} columns; entered the top {importance.TopK}: {Names(shift.Entered)}; left it: {Names(shift.Left)}.\n");
        }
    }

    private static string Names(IReadOnlyList<string> columns) => columns.Count == 0 ? "none" : Escape(string.Join(", ", columns));

    private static string Number(double? value) => value switch
    {
        null => "–",
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "-∞",
        { } v => Math.Round(v, 6).ToString("0.######", CultureInfo.InvariantCulture),
    };

    private static void AppendRow(StringBuilder text, CheckResult check) =>
        text.Append(CultureInfo.InvariantCulture,
            $"| {StatusLabel(check.Status)} | {Escape(check.Description)} | {Escape(check.Measured?.ToString() ?? string.Empty)} | {Escape(check.Bound?.ToString() ?? string.Empty)} | {check.Diagnostic?.Code} |\n");

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
