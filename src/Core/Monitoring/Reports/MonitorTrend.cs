using ModelGates.Gates;

namespace ModelGates.Monitoring.Reports;

/// <summary>
/// A monitor's windows over time, as the reports draw them (docs/monitoring.md#the-report): the gate's <c>details</c>
/// in the JSON result of <c>check</c>, the trend charts of the HTML report and the Markdown summary are all rendered
/// from it. It keeps only what the charts and tables show (no hashes, no intervals of effects), so a year of weekly
/// windows stays small.
/// </summary>
internal sealed record MonitorTrend : GateDetails
{
    /// <summary>The window as declared (<c>7d</c>, <c>1000 rows</c>).</summary>
    public required string Window { get; init; }

    /// <summary>The IANA zone the windows are aligned in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The drift options' dataset rule: a window whose weighted drifted share reaches it breaches.</summary>
    public required double DatasetDriftShare { get; init; }

    /// <summary>The windows of the data, in time order.</summary>
    public required IReadOnlyList<TrendWindow> Windows { get; init; }

    /// <summary>The retraining decision and where it became due.</summary>
    public required TrendRetrain Retrain { get; init; }

    /// <summary>The model's promotions recorded in the history (UTC), oldest first.</summary>
    public IReadOnlyList<DateTime> Promotions { get; init; } = [];

    /// <summary>The gated metrics in the order the windows first name them (realized, then estimated).</summary>
    public IReadOnlyList<string> Metrics =>
        [.. Windows.SelectMany(w => w.Realized.Concat(w.Estimated)).Select(m => m.Metric).Distinct(StringComparer.Ordinal)];

    /// <summary>The feature columns in the order the windows first name them.</summary>
    public IReadOnlyList<string> Columns =>
        [.. Windows.SelectMany(w => w.Drift).Select(c => c.Column).Distinct(StringComparer.Ordinal)];
}

/// <summary>One window of a <see cref="MonitorTrend"/>.</summary>
/// <param name="Key">The window's key in the history.</param>
/// <param name="Start">Its first instant (UTC).</param>
/// <param name="End">The instant after it (UTC).</param>
/// <param name="Rows">Rows in the window.</param>
/// <param name="LabelledRows">Rows with a label.</param>
/// <param name="Status"><c>ok</c>, <c>breach</c> or <c>insufficient</c>.</param>
/// <param name="Reasons">Why it breached or is insufficient.</param>
/// <param name="DriftedShare">The weighted drifted share, or null when not compared.</param>
/// <param name="Drift">Each feature column's effect against its threshold.</param>
/// <param name="Prediction">The score column's drift, or null.</param>
/// <param name="Realized">Metrics on the window's labels, with their floors.</param>
/// <param name="Estimated">Metrics estimated without labels, with their bands and floors.</param>
internal sealed record TrendWindow(
    string Key,
    DateTime Start,
    DateTime End,
    long Rows,
    long LabelledRows,
    string Status,
    IReadOnlyList<string> Reasons,
    double? DriftedShare,
    IReadOnlyList<TrendEffect> Drift,
    TrendEffect? Prediction,
    IReadOnlyList<WindowMetric> Realized,
    IReadOnlyList<WindowMetric> Estimated);

/// <summary>A column's drift in one window: the heat map's cell.</summary>
/// <param name="Column">The column.</param>
/// <param name="Status">The drift engine's status (ok, drift, insufficient, skipped, ...).</param>
/// <param name="Effect">The effect, or null.</param>
/// <param name="Threshold">Its threshold, or null.</param>
internal sealed record TrendEffect(string Column, string Status, double? Effect, double? Threshold)
{
    /// <summary>The effect as a multiple of its threshold, or null when either is missing or the threshold is not positive.</summary>
    public double? Ratio => Effect is { } e && Threshold is { } t && t > 0 && double.IsFinite(e) ? e / t : null;
}

/// <summary>The retraining decision as the trend marks it.</summary>
/// <param name="Due">True when retraining is due now.</param>
/// <param name="Reason">The rule's sentence.</param>
/// <param name="Breached">The breached windows the rule looked at (keys, their UTC starts).</param>
/// <param name="BecameDue">The windows at which the rule, replayed over the windows as they are now, turned from not due to due.</param>
internal sealed record TrendRetrain(bool Due, string Reason, IReadOnlyList<string> Breached, IReadOnlyList<string> BecameDue);
