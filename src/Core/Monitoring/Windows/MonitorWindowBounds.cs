namespace ModelGates.Monitoring.Windows;

/// <summary>
/// One time window: its key in the history, its start and end as UTC instants (for reports and the trigger), and
/// the same edges as local wall-clock times in the monitor's zone (what a timestamp without an offset is compared with).
/// </summary>
/// <param name="Key">The window's identity in the history: its UTC start, ISO 8601.</param>
/// <param name="Start">The first instant of the window (UTC, inclusive).</param>
/// <param name="End">The instant after it (UTC, exclusive).</param>
/// <param name="LocalStart">The start as wall-clock time in the monitor's zone.</param>
/// <param name="LocalEnd">The end as wall-clock time in the monitor's zone.</param>
internal sealed record MonitorWindowBounds(string Key, DateTime Start, DateTime End, DateTime LocalStart, DateTime LocalEnd);
