using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelGates.Sources;

/// <summary>Durations as users write them in modelgates.json and on the command line: <c>500ms</c>, <c>120s</c>, <c>20m</c>, <c>1h</c>.</summary>
internal static partial class Duration
{
    /// <summary>The spellings, for messages.</summary>
    public const string Expected = "a positive duration such as 500ms, 120s, 20m or 1h";

    /// <summary>Parses a positive duration, or returns null.</summary>
    public static TimeSpan? TryParse(string? text)
    {
        if (text is null || Pattern().Match(text.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var value = double.Parse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var milliseconds = match.Groups["unit"].Value switch
        {
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            _ => value * 3_600_000,
        };

        // At least a millisecond, at most what PostgreSQL's statement_timeout holds (int milliseconds).
        return milliseconds is >= 1 and <= int.MaxValue ? TimeSpan.FromMilliseconds(milliseconds) : null;
    }

    /// <summary>Writes a duration in the largest unit that keeps it whole.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds % 3_600_000 == 0 ? Invariant(duration.TotalHours, "h")
        : duration.TotalMilliseconds % 60_000 == 0 ? Invariant(duration.TotalMinutes, "m")
        : duration.TotalMilliseconds % 1000 == 0 ? Invariant(duration.TotalSeconds, "s")
        : Invariant(duration.TotalMilliseconds, "ms");

    private static string Invariant(double value, string unit) => value.ToString("0.###", CultureInfo.InvariantCulture) + unit;

    [GeneratedRegex(@"^(?<value>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
