using ModelGates.Monitoring.Contracts;

namespace ModelGates.Monitoring;

/// <summary>
/// What a monitor found in one window: the record the history keeps (as JSON, <see cref="WindowRecordJson"/>) and the
/// reports show. A window that was already in the history with the same data hash is read back, not recomputed.
/// </summary>
internal sealed record WindowRecord
{
    /// <summary>
    /// The format of the records this tool writes. A record of an older format (read back without the fields added
    /// since) is judged again instead of being reused, so an old history is migrated by recomputing its windows.
    /// </summary>
    public const int CurrentFormat = 2;

    /// <summary>The record's format; 1 for records written before the field existed.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The window's identity in the history: its UTC start (time windows) or <c>rows:&lt;n&gt;</c> (row windows).</summary>
    public required string Key { get; init; }

    /// <summary>The first instant of the window (UTC); for row windows, its first row's timestamp.</summary>
    public required DateTime Start { get; init; }

    /// <summary>The instant after the window (UTC, exclusive); for row windows, its last row's timestamp.</summary>
    public required DateTime End { get; init; }

    /// <summary>Rows in the window.</summary>
    public required long Rows { get; init; }

    /// <summary>Rows with a label (for realized metrics and the trigger's labelled-row count).</summary>
    public long LabelledRows { get; init; }

    /// <summary><c>ok</c>, <c>breach</c> or <c>insufficient</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Why the window breached, or why it is insufficient; empty when ok.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The hash of the window's rows and of everything that judged them (reference, options, tool version).</summary>
    public required string Hash { get; init; }

    /// <summary>The weighted share of drifted feature columns, or null when not compared.</summary>
    public double? DriftedShare { get; init; }

    /// <summary>The drift gate's dataset rule: the drifted share reached <c>datasetDriftShare</c>.</summary>
    public bool DatasetDrift { get; init; }

    /// <summary>Per feature column: the drift engine's verdict, effect with its interval, and missing shares.</summary>
    public IReadOnlyList<WindowColumn> Columns { get; init; } = [];

    /// <summary>The score column's drift, or null when the monitor has no score or the reference lacks it.</summary>
    public WindowColumn? Prediction { get; init; }

    /// <summary>Metrics measured on the window's labelled rows, each against the model gate's <c>min</c> floor.</summary>
    public IReadOnlyList<WindowMetric> Realized { get; init; } = [];

    /// <summary>
    /// Metrics estimated without labels (CBPE; <c>ModelGates.Monitoring.Estimation</c>), empty until an estimator is
    /// wired; the trigger treats one below its floor as it treats a realized one.
    /// </summary>
    public IReadOnlyList<WindowMetric> Estimated { get; init; } = [];

    /// <summary>The missing share of every column of the window's data.</summary>
    public IReadOnlyList<WindowMissing> Missing { get; init; } = [];

    /// <summary>The monitor's contract rules on the window (pass rate and verdict of each), empty without a contract.</summary>
    public IReadOnlyList<WindowRule> Contract { get; init; } = [];
}

/// <summary>One column of a window, as the drift engine judged it.</summary>
/// <param name="Column">The column.</param>
/// <param name="Status">ok, drift, insufficient, skipped, missing or incompatible.</param>
/// <param name="Measure">The effect measure or test.</param>
/// <param name="Effect">The effect (or statistic).</param>
/// <param name="Lower">The lower end of the effect's interval, or null.</param>
/// <param name="Upper">The upper end of the effect's interval, or null.</param>
/// <param name="Threshold">The threshold the effect is judged against, or null.</param>
/// <param name="MissingShare">The window's missing share, or null.</param>
/// <param name="ReferenceMissingShare">The reference's missing share, or null.</param>
internal sealed record WindowColumn(string Column, string Status, string? Measure, double? Effect, double? Lower, double? Upper, double? Threshold, double? MissingShare, double? ReferenceMissingShare);

/// <summary>A metric of a window and the floor it is held to.</summary>
/// <param name="Metric">The metric id, as the model gate writes it.</param>
/// <param name="Value">The value, or null when undefined on the window (one class only).</param>
/// <param name="Lower">The lower end of its interval, or null.</param>
/// <param name="Upper">The upper end of its interval, or null.</param>
/// <param name="Floor">The model gate's <c>min</c>, or null.</param>
/// <param name="Ceiling">The model gate's <c>max</c> (errors such as <c>mae</c>, <c>rmse</c>), or null.</param>
internal sealed record WindowMetric(string Metric, double? Value, double? Lower, double? Upper, double? Floor, double? Ceiling = null)
{
    /// <summary>True when the value is below its floor.</summary>
    public bool BelowFloor => Value is { } v && Floor is { } f && v < f;

    /// <summary>True when the value is above its ceiling.</summary>
    public bool AboveCeiling => Value is { } v && Ceiling is { } c && v > c;
}
