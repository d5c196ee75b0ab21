namespace ModelGates.Reports.Html.Charts;

/// <summary>
/// Permutation importances as horizontal bars, most important on top, each with its interval as a whisker and the
/// baseline's importance as a tick when there is one. Forbidden columns are marked in the label, not by colour alone.
/// </summary>
internal static class ImportanceChart
{
    /// <summary>The most bars drawn; the report's table lists every column.</summary>
    public const int MaxBars = 30;

    private const double Width = 560;
    private const double LabelWidth = 150;
    private const double Right = 16;
    private const double Top = 24;
    private const double Bottom = 30;
    private const double Row = 18;

    /// <summary>One bar.</summary>
    internal sealed record Bar(string Column, double? Importance, double? Lower, double? Upper, double? Baseline, bool Forbidden);

    /// <summary>Renders the chart of <paramref name="bars"/> (in rank order) for the drop of <paramref name="metric"/>.</summary>
    public static string Render(string title, string metric, IReadOnlyList<Bar> bars)
    {
        var shown = bars.Take(MaxBars).ToList();
        var height = Top + Bottom + (Math.Max(1, shown.Count) * Row);
        var description = shown.Count == 0
            ? "No columns."
            : string.Join("; ", shown.Select(b => $"{b.Column}: {Value(b.Importance)} [{Value(b.Lower)}, {Value(b.Upper)}]{(b.Baseline is { } v ? $", baseline {Axis.Label(v)}" : string.Empty)}"));
        var svg = new SvgWriter(Width, height, title, description);
        var values = shown.SelectMany(b => new[] { b.Importance, b.Lower, b.Upper, b.Baseline }).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        var x = new Axis(Math.Min(0, values.DefaultIfEmpty(0).Min()), Math.Max(values.DefaultIfEmpty(0).Max(), 1e-6), LabelWidth, Width - Right);
        var bottom = height - Bottom;
        foreach (var tick in x.Ticks())
        {
            svg.Line(x.Map(tick), Top, x.Map(tick), bottom, "grid");
            svg.Text(x.Map(tick), bottom + 12, Axis.Label(tick), "tick", "middle");
        }

        svg.Text((LabelWidth + Width - Right) / 2, bottom + 26, $"drop of {metric} when the column is shuffled", "label", "middle");
        svg.Line(x.Map(0), Top, x.Map(0), bottom, "axis");
        if (shown.Count == 0)
        {
            svg.Text(Width / 2, Top + Row, "no columns", "label", "middle");
            return svg.ToString();
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var b = shown[i];
            var y = Top + (i * Row);
            var middle = y + (Row / 2);
            svg.Text(LabelWidth - 6, middle + 4, Shorten(b.Column) + (b.Forbidden ? " ⚠ forbidden" : string.Empty), "tick", "end");
            if (b.Importance is { } v && double.IsFinite(v))
            {
                var from = x.Map(Math.Min(0, v));
                svg.Rect(from, y + 3, Math.Abs(x.Map(v) - x.Map(0)), Row - 6, b.Forbidden ? "bar forbidden" : "bar", $"{b.Column}: {Value(b.Importance)} [{Value(b.Lower)}, {Value(b.Upper)}]");
            }

            if (b.Lower is { } lo && b.Upper is { } hi)
            {
                svg.Line(x.Map(lo), middle, x.Map(hi), middle, "whisker");
                svg.Line(x.Map(lo), middle - 4, x.Map(lo), middle + 4, "whisker");
                svg.Line(x.Map(hi), middle - 4, x.Map(hi), middle + 4, "whisker");
            }

            if (b.Baseline is { } baseline && double.IsFinite(baseline))
            {
                svg.Line(x.Map(baseline), y + 1, x.Map(baseline), y + Row - 1, "baseline");
            }
        }

        svg.Rect(LabelWidth, 6, 10, 10, "bar");
        svg.Text(LabelWidth + 14, 15, "importance", "legend");
        svg.Line(LabelWidth + 90, 11, LabelWidth + 110, 11, "whisker");
        svg.Text(LabelWidth + 114, 15, "interval", "legend");
        if (shown.Any(b => b.Baseline is not null))
        {
            svg.Line(LabelWidth + 175, 5, LabelWidth + 175, 17, "baseline");
            svg.Text(LabelWidth + 180, 15, "baseline", "legend");
        }

        return svg.ToString();
    }

    private static string Value(double? value) => value is { } v && double.IsFinite(v) ? Axis.Label(v) : "n/a";

    private static string Shorten(string label) => label.Length <= 22 ? label : label[..21] + "…";
}
