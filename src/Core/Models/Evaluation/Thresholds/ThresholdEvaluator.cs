using System.Globalization;
using ModelGates.Diagnostics;
using ModelGates.Models.Metrics;

namespace ModelGates.Models.Evaluation.Thresholds;

/// <summary>
/// The semantics of every threshold kind (docs/evaluate.md#thresholds). Bounds are inclusive: <c>min</c> passes at
/// equality, <c>max</c>, <c>maxDrop</c>, <c>maxRelativeDrop</c> and <c>maxGap</c> pass when the measured value
/// equals the bound. Changes and gaps are differences, so they are compared with a tolerance of
/// <see cref="DifferenceTolerance"/>: 0.85 − 0.83 is 0.020000000000000018 in binary floating point, and a
/// bound of 0.02 must hold there. An undefined metric never passes.
/// </summary>
internal static class ThresholdEvaluator
{
    /// <summary>How far a difference may exceed its bound through rounding and still pass.</summary>
    public const double DifferenceTolerance = 1e-12;

    /// <summary>Judges <c>min</c> or <c>max</c>.</summary>
    public static ThresholdOutcome Absolute(MetricThreshold threshold, string? scope, MetricValue value, string where)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        if (value.Value is not { } v)
        {
            return Undefined(threshold, scope, value, where);
        }

        var isMin = threshold.Kind == ThresholdKind.Min;
        var passed = isMin ? v >= threshold.Bound : v <= threshold.Bound;
        var relation = isMin ? (passed ? "≥" : "is below the minimum") : (passed ? "≤" : "is above the maximum");
        var message = passed
            ? Invariant($"{threshold.Metric} {F(v)} {relation} {F(threshold.Bound)} {where}.")
            : Invariant($"{threshold.Metric} {F(v)} {relation} {F(threshold.Bound)} {where}.");
        return new ThresholdOutcome(threshold, scope, passed ? ThresholdStatus.Passed : ThresholdStatus.Failed, v, message)
        {
            Value = v,
            Descriptor = passed ? null : isMin ? DiagnosticCatalog.MetricBelowMinimum : DiagnosticCatalog.MetricAboveMaximum,
        };
    }

    /// <summary>Judges <c>maxDrop</c> or <c>maxRelativeDrop</c> against a baseline value.</summary>
    /// <param name="threshold">The bound.</param>
    /// <param name="direction">Which way the metric improves: a drop of a lower-is-better metric is an increase.</param>
    /// <param name="current">The metric now.</param>
    /// <param name="baseline">The baseline's value, or null when there is no baseline (or it has no value for the metric).</param>
    /// <param name="significance">The significance verdict when regressions must be significant to fail, else null.</param>
    /// <param name="where">Where it was measured (<c>on holdout</c>).</param>
    public static ThresholdOutcome Change(MetricThreshold threshold, MetricDirection direction, MetricValue current, double? baseline, ChangeSignificance? significance, string where)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        if (baseline is not { } b)
        {
            return new ThresholdOutcome(threshold, null, ThresholdStatus.NoBaseline, null,
                $"{threshold.Metric} has no baseline value to compare with; run 'modelgates accept' (or dotnet build -p:ModelGatesAccept=true) to record one.")
            {
                Value = current.Value,
                Descriptor = DiagnosticCatalog.BaselineMissing,
            };
        }

        if (current.Value is not { } v)
        {
            return Undefined(threshold, null, current, where) with { BaselineValue = b };
        }

        var drop = Drop(direction, v, b);
        var relative = threshold.Kind == ThresholdKind.MaxRelativeDrop;
        var measured = relative ? RelativeDrop(drop, b) : drop;
        var beyond = measured > threshold.Bound + DifferenceTolerance;
        var change = relative
            ? Invariant($"{threshold.Metric} {F(v)} against baseline {F(b)}: a relative drop of {F(measured)}")
            : Invariant($"{threshold.Metric} {F(v)} against baseline {F(b)}: a drop of {F(measured)}");
        var what = relative ? "relative drop" : "drop";
        var bound = Invariant($"the allowed {what} {F(threshold.Bound)}");
        var outcome = new ThresholdOutcome(threshold, null, ThresholdStatus.Passed, measured, $"{change} {(beyond ? "exceeds" : "is within")} {bound} {where}.")
        {
            Value = v,
            BaselineValue = b,
            PValue = significance?.PValue,
            Significance = significance,
        };
        if (!beyond)
        {
            return outcome;
        }

        if (significance is { IsSignificant: false } s)
        {
            var evidence = s.DropLowerBound is { } low
                ? Invariant($"its {s.BoundLabel} of the {what} is {F(low)}, within {F(threshold.Bound)}")
                : Invariant($"it has too few resamples to bound the {what} at {Math.Round(s.Confidence * 100, 4):0.####} %");
            return outcome with
            {
                Message = Invariant($"{change} exceeds {bound} {where}, but the {s.Method} does not show a real regression: {evidence} (p = {F(s.PValue)}, needed ≤ {F(s.Alpha)}); the threshold passes."),
                Descriptor = DiagnosticCatalog.RegressionNotSignificant,
            };
        }

        var proof = significance is { } sig
            ? sig.DropLowerBound is { } lower
                ? Invariant($" The {sig.Method} confirms it: its {sig.BoundLabel} of the {what} is {F(lower)}, above {F(threshold.Bound)} (p = {F(sig.PValue)}).")
                : Invariant($" The {sig.Method} confirms it (p = {F(sig.PValue)}).")
            : string.Empty;
        return outcome with
        {
            Status = ThresholdStatus.Failed,
            Message = $"{change} exceeds {bound} {where}.{proof}",
            Descriptor = DiagnosticCatalog.MetricRegressed,
        };
    }

    /// <summary>Judges <c>maxGap</c> over the gated slices of a group (at least two with a value, else insufficient).</summary>
    public static ThresholdOutcome Gap(MetricThreshold threshold, string group, IReadOnlyList<KeyValuePair<string, MetricValue>> slices)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(slices);
        var defined = slices.Where(s => s.Value.IsDefined).Select(s => (Slice: s.Key, Value: s.Value.Value!.Value)).ToList();
        if (defined.Count < 2)
        {
            return new ThresholdOutcome(threshold, group, ThresholdStatus.Insufficient, null,
                Invariant($"The {threshold.Metric} gap across '{group}' needs at least two gated slices with a value; {defined.Count} of {slices.Count} gated slice(s) have one, so it is reported but not gated."))
            {
                Descriptor = DiagnosticCatalog.SliceTooSmall,
            };
        }

        var best = defined.MaxBy(s => s.Value);
        var worst = defined.MinBy(s => s.Value);
        var gap = best.Value - worst.Value;
        var passed = gap <= threshold.Bound + DifferenceTolerance;
        var message = Invariant($"The {threshold.Metric} gap across '{group}' is {F(gap)} ({best.Slice}: {F(best.Value)}, {worst.Slice}: {F(worst.Value)}), {(passed ? "within" : "above")} the maximum {F(threshold.Bound)}.");
        return new ThresholdOutcome(threshold, group, passed ? ThresholdStatus.Passed : ThresholdStatus.Failed, gap, message)
        {
            Descriptor = passed ? null : DiagnosticCatalog.SliceGapTooLarge,
        };
    }

    /// <summary>A slice under minSliceRows: its floor is reported, not gated.</summary>
    public static ThresholdOutcome TooSmall(MetricThreshold threshold, string slice, MetricValue value, long rows, int minRows) =>
        new(threshold, slice, ThresholdStatus.Insufficient, value.Value,
            Invariant($"Slice '{slice}' has {rows} row(s), fewer than minSliceRows {minRows}: {threshold.Metric} {(value.Value is { } v ? F(v) : "undefined")} is reported but not gated."))
        {
            Value = value.Value,
            Descriptor = DiagnosticCatalog.SliceTooSmall,
        };

    /// <summary>How much worse <paramref name="current"/> is than <paramref name="baseline"/>: positive is worse, whatever the direction.</summary>
    public static double Drop(MetricDirection direction, double current, double baseline) =>
        direction == MetricDirection.HigherIsBetter ? baseline - current : current - baseline;

    /// <summary>The drop as a fraction of the baseline's magnitude; from a baseline of 0, any drop is infinite and no drop is 0.</summary>
    public static double RelativeDrop(double drop, double baseline) =>
        baseline != 0.0 ? drop / Math.Abs(baseline) : drop == 0.0 ? 0.0 : drop > 0.0 ? double.PositiveInfinity : double.NegativeInfinity;

    private static ThresholdOutcome Undefined(MetricThreshold threshold, string? scope, MetricValue value, string where) =>
        new(threshold, scope, ThresholdStatus.Undefined, null, $"{threshold.Metric} is undefined {where} ({value.UndefinedReason}), so its {threshold.Kind.ToKey()} bound cannot pass.")
        {
            Descriptor = DiagnosticCatalog.MetricUndefined,
        };

    private static string F(double value) => double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "-∞" : Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
