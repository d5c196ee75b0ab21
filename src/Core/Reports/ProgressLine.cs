using ModelGates.Shared;

namespace ModelGates.Reports;

/// <summary>
/// The form of a progress line on stderr, <c>[   3.1s] drift 'x': comparing ...</c>; the MSBuild task recognises
/// it (with the same code, src/Shared/SharedConstants.cs) and logs it with high importance.
/// </summary>
public static class ProgressLine
{
    /// <summary>One line: the time since the run started, then <paramref name="text"/>.</summary>
    public static string Format(TimeSpan elapsed, string text) => SharedConstants.Progress.Format(elapsed, text);
}
