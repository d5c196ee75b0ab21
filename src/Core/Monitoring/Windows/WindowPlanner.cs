using System.Globalization;
using ModelGates.Gates.Config;

namespace ModelGates.Monitoring.Windows;

/// <summary>
/// Cuts time into a monitor's windows. Windows are aligned in the monitor's zone, so that a daily window is a local
/// day (23 or 25 hours across a daylight-saving change) and a monthly one a calendar month: hours on the hour, days at
/// local midnight, 7-day windows (and whole weeks) from Monday, months from the first. Every window from the one
/// holding the first timestamp to the one holding the last is planned, empty ones included, so a gap in the data is
/// visible as an empty (insufficient) window rather than missing.
/// </summary>
internal static class WindowPlanner
{
    /// <summary>A Monday, the anchor of windows of whole weeks.</summary>
    private static readonly DateTime Monday = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The windows covering the local wall-clock times <paramref name="firstLocal"/> to <paramref name="lastLocal"/>.</summary>
    public static IReadOnlyList<MonitorWindowBounds> Plan(MonitorWindowSpec spec, TimeZoneInfo zone, DateTime firstLocal, DateTime lastLocal)
    {
        if (spec.Unit == WindowUnit.Rows)
        {
            throw new ArgumentException("Row windows are cut by position, not planned in time.", nameof(spec));
        }

        var windows = new List<MonitorWindowBounds>();
        var start = Align(spec, DateTime.SpecifyKind(firstLocal, DateTimeKind.Unspecified));
        var last = DateTime.SpecifyKind(lastLocal, DateTimeKind.Unspecified);
        while (start <= last)
        {
            var end = Next(spec, start);
            var utcStart = ToUtc(start, zone);
            windows.Add(new MonitorWindowBounds(Key(utcStart), utcStart, ToUtc(end, zone), start, end));
            start = end;
        }

        return windows;
    }

    /// <summary>The start of the window holding <paramref name="local"/>.</summary>
    internal static DateTime Align(MonitorWindowSpec spec, DateTime local) => spec.Unit switch
    {
        WindowUnit.Hours => Monday.AddHours(Floor((long)Math.Floor((local - Monday).TotalHours), spec.Size)),
        WindowUnit.Days => Monday.AddDays(Floor((local.Date - Monday).Days, spec.Size)),
        WindowUnit.Months => new DateTime(local.Year, 1, 1).AddMonths((int)Floor(local.Month - 1, spec.Size)),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    private static DateTime Next(MonitorWindowSpec spec, DateTime start) => spec.Unit switch
    {
        WindowUnit.Hours => start.AddHours(spec.Size),
        WindowUnit.Days => start.AddDays(spec.Size),
        _ => start.AddMonths((int)spec.Size),
    };

    /// <summary>The largest multiple of <paramref name="size"/> not above <paramref name="value"/>.</summary>
    private static long Floor(long value, long size) => (long)Math.Floor((double)value / size) * size;

    /// <summary>
    /// A local edge as a UTC instant. An edge that does not exist locally (inside a spring-forward gap) moves to the
    /// first local time after the gap; an ambiguous one (a fall-back hour) is read as standard time, as .NET does.
    /// </summary>
    internal static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var t = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(t))
        {
            t = t.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(t, zone);
    }

    /// <summary>A UTC instant as written in reports and keys: ISO 8601 with a Z.</summary>
    internal static string Key(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
