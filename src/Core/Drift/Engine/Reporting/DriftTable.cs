using ModelGates.Data;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Reporting;

/// <summary>The cells of the text and Markdown tables: one row per column, drifted columns first.</summary>
internal static class DriftTable
{
    public static readonly string[] Header = ["column", "kind", "status", "test", "p (adjusted)", "effect", "interval", "threshold", "MDE", "missing ref → cur"];

    public static IEnumerable<string[]> Rows(DriftReport report) => report.DriftedFirst.Select(Row);

    public static string Summary(DriftReport report)
    {
        var judged = report.Columns.Count(c => c.Status is not (ColumnDriftStatus.Insufficient or ColumnDriftStatus.Skipped) || c.MissingShareDrifted);
        var drifted = report.Columns.Count(c => c.Drifted);
        return $"{drifted} of {judged} judged column(s) drifted ({DriftNumber.Percent(report.DriftedShare)} of their weight); dataset drift: {(report.DatasetDrift ? "yes" : "no")} (rule: {DriftNumber.Percent(report.DatasetDriftShare)})";
    }

    private static string[] Row(ColumnDriftResult c)
    {
        var tested = c.Effect is not null;
        var effect = tested ? $"{c.EffectMeasure} {DriftNumber.Format(c.Effect!.Value)}" : "-";
        var interval = c.EffectInterval is { } i ? $"[{DriftNumber.Format(i.Lower)}, {DriftNumber.Format(i.Upper)}]" : "-";
        var threshold = tested ? DriftNumber.Format(c.EffectThreshold!.Value) : "-";
        var missing = c.MissingShareReference is { } before && c.MissingShareCurrent is { } after
            ? $"{DriftNumber.Percent(before)} → {DriftNumber.Percent(after)}{(c.MissingShareDrifted ? " (drift)" : string.Empty)}"
            : "-";
        return
        [
            c.Column,
            c.Kind.ToText(),
            c.Status.ToText(),
            c.Test ?? "-",
            c.PValueAdjusted is { } p ? DriftNumber.Format(p) : "-",
            effect,
            interval,
            threshold,
            c.MinimumDetectableEffect is { } mde ? DriftNumber.Format(mde) : "-",
            missing,
        ];
    }
}
