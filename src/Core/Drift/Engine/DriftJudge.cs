using System.Globalization;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Correction;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine;

/// <summary>
/// Turns measurements into verdicts: adjusts the p-values of each family (the columns' tests, and the
/// missing-share checks) for testing many columns, applies the decision rule to each column, and the
/// dataset rule to the weighted share of drifted columns.
/// </summary>
internal static class DriftJudge
{
    public static DriftReport Judge(List<PendingColumn> columns, List<Diagnostic> extra, DriftOptions options, DriftSide reference, DriftSide current)
    {
        var tested = columns.Where(c => c.Measurement is not null).ToList();
        var adjusted = PValueAdjustment.Adjust(tested.Select(c => c.Measurement!.PValue).ToList(), options.Correction);
        for (var i = 0; i < tested.Count; i++)
        {
            tested[i].Result = Verdict(tested[i], adjusted[i], options);
        }

        var checkedMissing = columns.Where(c => c.Result.MissingSharePValue is not null).ToList();
        var missingAdjusted = PValueAdjustment.Adjust(checkedMissing.Select(c => c.Result.MissingSharePValue!.Value).ToList(), options.Correction);
        for (var i = 0; i < checkedMissing.Count; i++)
        {
            var r = checkedMissing[i].Result;
            var change = Math.Abs(r.MissingShareCurrent!.Value - r.MissingShareReference!.Value);
            var drifted = missingAdjusted[i] < checkedMissing[i].Settings.Alpha && change >= checkedMissing[i].Settings.MissingShareThreshold;
            checkedMissing[i].Result = r with
            {
                MissingSharePValueAdjusted = missingAdjusted[i],
                MissingShareDrifted = drifted,
                Status = drifted ? ColumnDriftStatus.Drift : r.Status,
            };
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var column in columns)
        {
            diagnostics.AddRange(column.Diagnostics);
            var r = column.Result;
            if (r.ValueDrifted)
            {
                diagnostics.Add(ColumnDrifted(r, options));
            }

            if (Undetectable(r, options))
            {
                diagnostics.Add(EffectUndetectable(r));
            }

            if (r.MissingShareDrifted)
            {
                diagnostics.Add(MissingShareDrifted(r, options.Correction) with { Severity = options.ColumnSeverity });
            }
        }

        diagnostics.AddRange(extra);

        // Insufficient and skipped columns say nothing either way, so they are left out of the share.
        var judged = columns.Select(c => c.Result).Where(r => r.Status is not (ColumnDriftStatus.Insufficient or ColumnDriftStatus.Skipped) || r.MissingShareDrifted).ToList();
        var totalWeight = judged.Sum(r => r.Weight);
        var driftedWeight = judged.Where(r => r.Drifted).Sum(r => r.Weight);
        var share = totalWeight > 0 ? driftedWeight / totalWeight : 0.0;
        var datasetDrift = totalWeight > 0 && share >= options.DatasetDriftShare;
        if (datasetDrift)
        {
            diagnostics.Add(DiagnosticCatalog.DatasetDrifted.Create(string.Create(
                CultureInfo.InvariantCulture,
                $"The dataset drifted: {judged.Count(r => r.Drifted)} of {judged.Count} judged columns drifted ({DriftNumber.Percent(share)} of their weight), at or above the dataset rule's {DriftNumber.Percent(options.DatasetDriftShare)}.")) with
            {
                Check = "datasetDriftShare",
                Measured = share,
                Bound = options.DatasetDriftShare,
            });
        }

        return new DriftReport
        {
            Reference = reference,
            Current = current,
            Columns = columns.Select(c => c.Result).ToList(),
            DriftedShare = share,
            DatasetDrift = datasetDrift,
            DatasetDriftShare = options.DatasetDriftShare,
            Correction = options.Correction,
            Decision = options.Decision,
            Diagnostics = diagnostics,
            // Chart labels are the only values a drift report carries; those of personal columns are masked (docs/privacy.md#drift).
            Distributions = Quality.Privacy.DriftPrivacy.Mask(columns.Where(c => c.Distribution is not null).Select(c => KeyValuePair.Create(c.Result.Column, c.Distribution!))),
        };
    }

    private static ColumnDriftResult Verdict(PendingColumn column, double adjusted, DriftOptions options)
    {
        var m = column.Measurement!;
        var choice = column.Choice!;
        var significant = adjusted < choice.Alpha;
        var drifted = options.Decision switch
        {
            DriftDecisionRule.Effect => significant && m.Effect >= choice.EffectThreshold,
            DriftDecisionRule.LowerBound => significant && m.Interval.Lower >= choice.EffectThreshold,
            _ => choice.Plan!.Test.ThresholdKind == DriftThresholdKind.PValue ? significant : m.Statistic >= choice.Threshold,
        };
        return column.Result with
        {
            Statistic = m.Statistic,
            PValue = m.PValue,
            PValueMethod = m.PValueMethod,
            PValueAdjusted = adjusted,
            Effect = m.Effect,
            EffectInterval = m.Interval,
            MinimumDetectableEffect = m.MinimumDetectableEffect,
            StatisticErrorBound = m.StatisticErrorBound,
            EffectErrorBound = m.EffectErrorBound,
            Input = m.Input,
            ValueDrifted = drifted,
            Status = drifted ? ColumnDriftStatus.Drift : ColumnDriftStatus.Ok,
        };
    }

    private static Diagnostic ColumnDrifted(ColumnDriftResult r, DriftOptions options)
    {
        var interval = r.EffectInterval!.Value;
        var level = DriftNumber.Percent(interval.Level);
        var significance = $"{r.PValueTest} p-value {DriftNumber.Format(r.PValue!.Value)}{Adjusted(r, options.Correction)} is below α = {DriftNumber.Format(r.Alpha!.Value)}";
        var effect = $"{r.EffectMeasure} {DriftNumber.Format(r.Effect!.Value)} ({level} interval {DriftNumber.Format(interval.Lower)} to {DriftNumber.Format(interval.Upper)})";
        var (message, measured, bound) = options.Decision switch
        {
            DriftDecisionRule.Effect => (
                $"Column '{r.Column}' drifted: {effect} is at least the threshold {DriftNumber.Format(r.EffectThreshold!.Value)}, and {significance}.",
                r.Effect!.Value,
                r.EffectThreshold!.Value),
            DriftDecisionRule.LowerBound => (
                $"Column '{r.Column}' drifted: the lower bound of {effect} is at least the threshold {DriftNumber.Format(r.EffectThreshold!.Value)}, and {significance}.",
                interval.Lower,
                r.EffectThreshold!.Value),
            _ when r.Test == r.PValueTest => (
                $"Column '{r.Column}' drifted: {r.Test} p-value {DriftNumber.Format(r.PValue!.Value)}{Adjusted(r, options.Correction)} is below the threshold {DriftNumber.Format(r.Threshold!.Value)} (effect: {effect}).",
                r.PValueAdjusted!.Value,
                r.Threshold!.Value),
            _ => (
                $"Column '{r.Column}' drifted: {r.Test} {DriftNumber.Format(r.Statistic!.Value)} is at least the threshold {DriftNumber.Format(r.Threshold!.Value)}.",
                r.Statistic!.Value,
                r.Threshold!.Value),
        };
        return DiagnosticCatalog.ColumnDrifted.Create(message) with
        {
            Severity = options.ColumnSeverity,
            Column = r.Column,
            Check = r.Test,
            Measured = measured,
            Bound = bound,
        };
    }

    /// <summary>
    /// A tested column whose values were judged not drifted although these sizes cannot tell an effect of the
    /// threshold's size from noise: "ok" would claim more than the data can show. The rule `test` does not use the
    /// effect, so it is not warned.
    /// </summary>
    private static bool Undetectable(ColumnDriftResult r, DriftOptions options) =>
        options.Decision != DriftDecisionRule.TestOnly && !r.ValueDrifted
        && r.MinimumDetectableEffect is { } mde && r.EffectThreshold is { } threshold && mde > threshold;

    private static Diagnostic EffectUndetectable(ColumnDriftResult r)
    {
        var mde = r.MinimumDetectableEffect!.Value;
        var threshold = r.EffectThreshold!.Value;
        return DiagnosticCatalog.DriftEffectUndetectable.Create(string.Create(
            CultureInfo.InvariantCulture,
            $"Column '{r.Column}' is not judged drifted, but with {r.ReferenceCount} reference and {r.CurrentCount} current value(s) its minimum detectable effect ({r.EffectMeasure} {DriftNumber.Format(mde)}) is above the threshold {DriftNumber.Format(threshold)}: a drift of the threshold's size could go unseen. Compare more rows, or raise the effect threshold to at least the minimum detectable effect.")) with
        {
            Column = r.Column,
            Check = "minimumDetectableEffect",
            Measured = mde,
            Bound = threshold,
        };
    }

    private static Diagnostic MissingShareDrifted(ColumnDriftResult r, MultipleTestingCorrection correction)
    {
        var before = r.MissingShareReference!.Value;
        var after = r.MissingShareCurrent!.Value;
        var adjusted = correction == MultipleTestingCorrection.None ? string.Empty : $", {correction.ToText()}-adjusted {DriftNumber.Format(r.MissingSharePValueAdjusted!.Value)}";
        return DiagnosticCatalog.MissingShareDrifted.Create(
            $"The missing share of column '{r.Column}' changed from {DriftNumber.Percent(before)} to {DriftNumber.Percent(after)} (p-value {DriftNumber.Format(r.MissingSharePValue!.Value)}{adjusted}), a change of {Points(after - before)} percentage points, at least the threshold of {Points(r.MissingShareThreshold!.Value)}.") with
        {
            Column = r.Column,
            Check = "missingShare",
            Measured = after - before,
            Bound = r.MissingShareThreshold!.Value,
        };
    }

    private static string Points(double share) => DriftNumber.Format(Math.Round(share * 100, 2));

    private static string Adjusted(ColumnDriftResult r, MultipleTestingCorrection correction) =>
        correction == MultipleTestingCorrection.None ? string.Empty : $" ({correction.ToText()}-adjusted {DriftNumber.Format(r.PValueAdjusted!.Value)})";
}
