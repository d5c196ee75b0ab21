namespace ModelGates.Drift.Engine.Results;

/// <summary>The outcome of one column's comparison.</summary>
public enum ColumnDriftStatus
{
    /// <summary>Compared; no drift.</summary>
    Ok,

    /// <summary>Compared; the values or the missing share drifted.</summary>
    Drift,

    /// <summary>Too few non-missing values on a side to test the values (the missing share is still checked).</summary>
    Insufficient,

    /// <summary>Not compared: free text, or excluded by a per-column setting.</summary>
    Skipped,

    /// <summary>The column of the reference is missing from the current data.</summary>
    Missing,

    /// <summary>The column holds a different kind of values than in the reference (numbers became text...).</summary>
    Incompatible,
}

/// <summary>Text forms of <see cref="ColumnDriftStatus"/> as written in JSON.</summary>
public static class ColumnDriftStatusText
{
    /// <summary>The JSON form: <c>ok</c>, <c>drift</c>, <c>insufficient</c>, <c>skipped</c>, <c>missing</c>, <c>incompatible</c>.</summary>
    public static string ToText(this ColumnDriftStatus status) => status switch
    {
        ColumnDriftStatus.Ok => "ok",
        ColumnDriftStatus.Drift => "drift",
        ColumnDriftStatus.Insufficient => "insufficient",
        ColumnDriftStatus.Skipped => "skipped",
        ColumnDriftStatus.Missing => "missing",
        _ => "incompatible",
    };

    /// <summary>True for the statuses that count as drifted in the dataset rule and fail the run.</summary>
    internal static bool CountsAsDrift(this ColumnDriftStatus status) =>
        status is ColumnDriftStatus.Drift or ColumnDriftStatus.Missing or ColumnDriftStatus.Incompatible;
}
