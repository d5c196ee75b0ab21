namespace ModelGates.Quality.Review;

/// <summary>A reviewer's decision about one flagged row of one check.</summary>
/// <param name="Check">The check id of the flagged row.</param>
/// <param name="Key">The row key as exported (the key columns' values, or the row's content hash without a key).</param>
/// <param name="RowHash">The content hash of the row when it was exported.</param>
/// <param name="Decision"><c>ok</c> (the row is fine: it no longer counts) or <c>issue</c> (confirmed: it still counts).</param>
/// <param name="Expires">The last day an <c>ok</c> holds (UTC), or null for <c>issue</c>.</param>
/// <param name="Line">The line of the decisions file.</param>
internal sealed record ReviewDecision(string Check, string Key, string RowHash, string Decision, DateOnly? Expires, int Line)
{
    /// <summary>True when the reviewer found the row fine.</summary>
    public bool IsOk => Decision == "ok";
}
