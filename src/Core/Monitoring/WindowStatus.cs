namespace ModelGates.Monitoring;

/// <summary>The status words of a window, as the history and the JSON write them.</summary>
internal static class WindowStatus
{
    /// <summary>Judged, and nothing breached.</summary>
    public const string Ok = "ok";

    /// <summary>Judged, and the data drifted or a metric fell below its floor.</summary>
    public const string Breach = "breach";

    /// <summary>Too few rows to judge: neither a pass nor a breach.</summary>
    public const string Insufficient = "insufficient";
}
