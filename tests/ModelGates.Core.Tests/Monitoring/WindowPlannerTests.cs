using ModelGates.Gates.Config;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Tests.Monitoring;

public sealed class WindowPlannerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static MonitorWindowSpec Spec(string text) => MonitorWindowSpec.Parse(text)!;

    [Fact]
    public void Weekly_windows_start_on_monday_midnight_and_cover_every_week_between_first_and_last_row()
    {
        // A Wednesday to a Tuesday two weeks later: three weeks, the middle one whatever its rows.
        var windows = WindowPlanner.Plan(Spec("7d"), TimeZoneInfo.Utc, new DateTime(2026, 6, 3, 10, 0, 0), new DateTime(2026, 6, 16, 8, 0, 0));

        Assert.Equal(["2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z", "2026-06-15T00:00:00Z"], windows.Select(w => w.Key));
        Assert.All(windows, w => Assert.Equal(DayOfWeek.Monday, w.Start.DayOfWeek));
        Assert.All(windows, w => Assert.Equal(TimeSpan.FromDays(7), w.End - w.Start));
        Assert.Equal(windows[1].Start, windows[0].End);
    }

    [Fact]
    public void A_row_on_an_edge_belongs_to_the_window_it_starts()
    {
        var windows = WindowPlanner.Plan(Spec("1d"), TimeZoneInfo.Utc, new DateTime(2026, 6, 2), new DateTime(2026, 6, 2));

        var only = Assert.Single(windows);
        Assert.Equal(new DateTime(2026, 6, 2), only.Start);
        Assert.Equal(new DateTime(2026, 6, 3), only.End);
    }

    [Fact]
    public void Daily_windows_in_a_zone_are_local_days_of_23_and_25_hours_across_daylight_saving_changes()
    {
        var spring = WindowPlanner.Plan(Spec("1d"), Berlin, new DateTime(2026, 3, 28, 12, 0, 0), new DateTime(2026, 3, 30, 12, 0, 0));
        var autumn = WindowPlanner.Plan(Spec("1d"), Berlin, new DateTime(2026, 10, 24, 12, 0, 0), new DateTime(2026, 10, 26, 12, 0, 0));

        Assert.Equal([24, 23, 24], spring.Select(w => (w.End - w.Start).TotalHours));
        Assert.Equal([24, 25, 24], autumn.Select(w => (w.End - w.Start).TotalHours));

        // Local midnight in Berlin is 23:00 UTC the day before in winter, 22:00 in summer.
        Assert.Equal("2026-03-27T23:00:00Z", spring[0].Key);
        Assert.Equal("2026-03-29T22:00:00Z", spring[2].Key);
        Assert.Equal(new DateTime(2026, 3, 29), spring[1].LocalStart);
    }

    [Fact]
    public void Month_windows_are_calendar_months_from_the_first()
    {
        var windows = WindowPlanner.Plan(Spec("month"), TimeZoneInfo.Utc, new DateTime(2026, 1, 31, 23, 59, 59), new DateTime(2026, 3, 1));

        Assert.Equal(["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"], windows.Select(w => w.Key));
        Assert.Equal([31, 28, 31], windows.Select(w => (w.End - w.Start).TotalDays));
    }

    [Fact]
    public void Two_month_windows_start_in_odd_months()
    {
        var windows = WindowPlanner.Plan(Spec("2mo"), TimeZoneInfo.Utc, new DateTime(2026, 3, 15), new DateTime(2026, 4, 30, 23, 0, 0));

        var only = Assert.Single(windows);
        Assert.Equal(new DateTime(2026, 3, 1), only.Start);
        Assert.Equal(new DateTime(2026, 5, 1), only.End);
    }

    [Fact]
    public void Hour_windows_align_on_the_hour()
    {
        var windows = WindowPlanner.Plan(Spec("6h"), TimeZoneInfo.Utc, new DateTime(2026, 6, 1, 7, 30, 0), new DateTime(2026, 6, 1, 13, 0, 0));

        Assert.Equal(["2026-06-01T06:00:00Z", "2026-06-01T12:00:00Z"], windows.Select(w => w.Key));
    }

    [Theory]
    [InlineData("7d", "Days", 7)]
    [InlineData("2w", "Days", 14)]
    [InlineData("week", "Days", 7)]
    [InlineData("12h", "Hours", 12)]
    [InlineData("1mo", "Months", 1)]
    [InlineData("month", "Months", 1)]
    [InlineData("1000 rows", "Rows", 1000)]
    public void Window_texts_parse(string text, string unit, long size)
    {
        var spec = MonitorWindowSpec.Parse(text);

        Assert.NotNull(spec);
        Assert.Equal(unit, spec.Unit.ToString());
        Assert.Equal(size, spec.Size);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("0d")]
    [InlineData("7 days")]
    [InlineData("-1d")]
    [InlineData("1y")]
    public void Other_window_texts_do_not(string text) => Assert.Null(MonitorWindowSpec.Parse(text));
}
