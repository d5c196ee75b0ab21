using System.Globalization;

namespace ModelGates.Quality;

/// <summary>Ages as users write them: <c>36h</c>, <c>7d</c>, <c>2w</c>, <c>90m</c>, or a TimeSpan such as <c>1.12:00:00</c>.</summary>
internal static class QualityDurations
{
    /// <summary>Parses an age; false when the text is not one.</summary>
    public static bool TryParse(string text, out TimeSpan age)
    {
        age = default;
        var t = text.Trim();
        if (t.Length >= 2 && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            TimeSpan? parsed = t[^1] switch
            {
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                'w' => TimeSpan.FromDays(7 * n),
                _ => null,
            };
            if (parsed is { } p)
            {
                age = p;
                return true;
            }
        }

        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out age) && age > TimeSpan.Zero;
    }
}
