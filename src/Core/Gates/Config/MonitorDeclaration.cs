using ModelGates.Diagnostics;
using ModelGates.Monitoring.Contracts;

namespace ModelGates.Gates.Config;

/// <summary>
/// A monitor of <c>modelgates.json</c> (docs/monitoring.md): production data cut into windows by a timestamp, each
/// window compared with the reference and scored against the model gate's floors, the windows kept in a history
/// file, and the retraining trigger judged over that history.
/// </summary>
internal sealed record MonitorDeclaration : GateDeclaration
{
    /// <summary>The reference: a dataset name or a profile or data path (resolved), as for a drift gate.</summary>
    public required string Reference { get; init; }

    /// <summary>The production dataset's name.</summary>
    public required string Data { get; init; }

    /// <summary>The column that dates each row.</summary>
    public required string Timestamp { get; init; }

    /// <summary>How rows are cut into windows.</summary>
    public required MonitorWindowSpec Window { get; init; }

    /// <summary>The zone windows are aligned in and timestamps without an offset are read in (UTC unless given).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The model gate whose label, positive class and <c>min</c> floors the windows are scored against, or null.</summary>
    public string? Model { get; init; }

    /// <summary>The model's score column in the production data (prediction drift; realized metrics where labels exist), or null.</summary>
    public string? Score { get; init; }

    /// <summary>
    /// A multiclass model's probability columns in the production data: each class label (as the label column holds it)
    /// with its column, in the order given; null when the monitor names none.
    /// </summary>
    public IReadOnlyList<Models.Evaluation.Scoring.ClassColumn>? Probabilities { get; init; }

    /// <summary>The label column (default: the model gate's), or null.</summary>
    public string? Label { get; init; }

    /// <summary>The drift gate whose options (tests, thresholds, weights, overrides) the windows are judged with, or null for the defaults.</summary>
    public string? DriftGate { get; init; }

    /// <summary>The contract each window's rules are counted against (a contract file or a contract gate's), or null.</summary>
    public WindowContract? Contract { get; init; }

    /// <summary>Windows with fewer rows are insufficient: neither a pass nor a breach.</summary>
    public long MinRows { get; init; } = 50;

    /// <summary>Where the history lives: a DuckDB file (resolved; default <c>.modelgates/history.duckdb</c> beside the config) or a connection's schema.</summary>
    public required Monitoring.History.HistoryLocation History { get; init; }

    /// <summary>When retraining is due.</summary>
    public RetrainTrigger Trigger { get; init; } = new();
}

/// <summary>The unit of a monitoring window.</summary>
internal enum WindowUnit
{
    /// <summary>Whole hours, aligned on the hour.</summary>
    Hours,

    /// <summary>Whole days from local midnight; 7-day windows start on Mondays.</summary>
    Days,

    /// <summary>Calendar months from the first at local midnight.</summary>
    Months,

    /// <summary>A number of rows in timestamp order.</summary>
    Rows,
}

/// <summary>A window as written: <c>7d</c>, <c>1mo</c>, <c>12h</c>, or a row count.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Size">How many units one window spans.</param>
/// <param name="Text">As written, for reports.</param>
internal sealed record MonitorWindowSpec(WindowUnit Unit, long Size, string Text)
{
    /// <summary>Reads <paramref name="text"/>: <c>&lt;n&gt;h</c>, <c>&lt;n&gt;d</c>, <c>&lt;n&gt;w</c>, <c>&lt;n&gt;mo</c>, <c>month</c>, <c>week</c>, <c>day</c>, <c>&lt;n&gt; rows</c>; null when it is none of them.</summary>
    public static MonitorWindowSpec? Parse(string text)
    {
        var t = text.Trim();
        switch (t)
        {
            case "day": return new(WindowUnit.Days, 1, text);
            case "week": return new(WindowUnit.Days, 7, text);
            case "month": return new(WindowUnit.Months, 1, text);
        }

        var digits = 0;
        while (digits < t.Length && char.IsAsciiDigit(t[digits]))
        {
            digits++;
        }

        if (digits == 0 || !long.TryParse(t[..digits], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return null;
        }

        return t[digits..].Trim() switch
        {
            "h" => new(WindowUnit.Hours, n, text),
            "d" => new(WindowUnit.Days, n, text),
            "w" => new(WindowUnit.Days, 7 * n, text),
            "mo" => new(WindowUnit.Months, n, text),
            "rows" => new(WindowUnit.Rows, n, text),
            _ => null,
        };
    }
}

/// <summary>The retraining trigger of a monitor: <c>breaches</c> of the last <c>of</c> windows, a cooldown since the last promotion, new labelled rows.</summary>
internal sealed record RetrainTrigger
{
    /// <summary>Breached windows needed among the last <see cref="Of"/> judged windows.</summary>
    public int Breaches { get; init; } = 2;

    /// <summary>How many of the latest judged (not insufficient) windows are looked at.</summary>
    public int Of { get; init; } = 3;

    /// <summary>The time that must have passed since the model's last promotion.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.Zero;

    /// <summary>The cooldown as written, for reports.</summary>
    public string CooldownText { get; init; } = "0d";

    /// <summary>Labelled rows newer than the last promotion needed to retrain on.</summary>
    public long MinNewLabelledRows { get; init; }

    /// <summary>The severity of MG6001 when retraining is due (error makes the exit code 1).</summary>
    public Severity Severity { get; init; } = Severity.Error;
}
