namespace ModelGates.Reports.Html.Charts;

/// <summary>One window on a <see cref="TrendChart"/>'s time axis.</summary>
/// <param name="Label">The tick text (a date).</param>
/// <param name="Status"><c>ok</c>, <c>breach</c> or <c>insufficient</c>: breaches and insufficient windows are shaded.</param>
/// <param name="Note">The tooltip of the window's shading (its key and why it breached).</param>
internal sealed record TrendSlot(string Label, string Status, string Note);

/// <summary>A line over the windows of a <see cref="TrendChart"/>; null values are gaps.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Values">One value per window.</param>
/// <param name="Series">The style, 0 to 3 (as <see cref="LineChart"/>'s).</param>
internal sealed record TrendLine(string Name, IReadOnlyList<double?> Values, int Series);

/// <summary>A shaded band (an estimate's sampling band): lower and upper ends per window, null where there is none.</summary>
internal sealed record TrendBand(string Name, IReadOnlyList<double?> Lower, IReadOnlyList<double?> Upper);

/// <summary>A vertical marker at a position on the time axis (0 is the start of the first window, n the end of the last).</summary>
/// <param name="Position">Where, in windows.</param>
/// <param name="Label">The text at its top, also its tooltip's start.</param>
/// <param name="Kind"><c>due</c> (retraining became due) or <c>promotion</c>.</param>
/// <param name="Note">The tooltip.</param>
internal sealed record TrendMarker(double Position, string Label, string Kind, string Note);

/// <summary>
/// Values over a monitor's windows: lines with gaps, a shaded band, a horizontal rule (a floor or the dataset rule),
/// bars, each window's status as shading (breach, insufficient) and vertical markers (retraining due, promotions).
/// The windows are evenly spaced, one slot each, whatever their length.
/// </summary>
internal static class TrendChart
{
    internal const double Width = 720;
    internal const double Height = 230;
    internal const double Left = 48;
    internal const double Right = 64;
    internal const double Top = 30;
    internal const double Bottom = 36;

    /// <summary>The pixel x of a position in windows (0 the start of the first, <paramref name="count"/> the end of the last).</summary>
    public static double X(double position, int count) => Left + (position / Math.Max(1, count) * (Width - Left - Right));

    /// <summary>Renders the chart.</summary>
    public static string Render(
        string title,
        string description,
        IReadOnlyList<TrendSlot> slots,
        IReadOnlyList<TrendLine> lines,
        TrendBand? band = null,
        (double Value, string Label)? rule = null,
        TrendLine? bars = null,
        IReadOnlyList<TrendMarker>? markers = null)
    {
        var n = slots.Count;
        var svg = new SvgWriter(Width, Height, title, description);
        var values = lines.SelectMany(l => l.Values)
            .Concat(band is null ? [] : band.Lower.Concat(band.Upper))
            .Concat(bars is null ? [] : [0d, .. bars.Values])
            .Concat(rule is { } r ? [r.Value] : [])
            .OfType<double>().Where(double.IsFinite).ToList();
        var y = new Axis(values.DefaultIfEmpty(0).Min(), values.DefaultIfEmpty(1).Max(), Height - Bottom, Top);
        var slot = (Width - Left - Right) / Math.Max(1, n);
        double Center(int i) => X(i + 0.5, n);

        for (var i = 0; i < n; i++)
        {
            var kind = slots[i].Status switch { "breach" => "tbreach", "insufficient" => "tinsufficient", _ => null };
            if (kind is not null)
            {
                svg.Rect(X(i, n), Top, slot, Height - Bottom - Top, kind, slots[i].Note);
                svg.Text(Center(i), Top - 4, slots[i].Status == "breach" ? "✘" : "?", "tick", "middle");
            }
        }

        foreach (var tick in y.Ticks())
        {
            svg.Line(Left, y.Map(tick), Width - Right, y.Map(tick), "grid");
            svg.Text(Left - 4, y.Map(tick) + 4, Axis.Label(tick), "tick", "end");
        }

        svg.Line(Left, Height - Bottom, Width - Right, Height - Bottom, "axis");
        var every = Math.Max(1, (int)Math.Ceiling(n / 12.0));
        for (var i = 0; i < n; i += every)
        {
            svg.Text(Center(i), Height - Bottom + 14, slots[i].Label, "tick", "middle");
        }

        if (bars is not null)
        {
            for (var i = 0; i < n && i < bars.Values.Count; i++)
            {
                if (bars.Values[i] is { } v && double.IsFinite(v))
                {
                    var reached = rule is { } limit && v >= limit.Value;
                    svg.Rect(Center(i) - (slot * 0.3), y.Map(v), slot * 0.6, y.Map(y.Min) - y.Map(v), reached ? "tbar reached" : "tbar", $"{slots[i].Label}: {bars.Name} {Html.Number(v)}");
                }
            }
        }

        if (band is not null)
        {
            foreach (var run in Runs(n, i => band.Lower[i] is { } lo && band.Upper[i] is { } hi && double.IsFinite(lo) && double.IsFinite(hi)))
            {
                var upper = run.Select(i => (Center(i), y.Map(band.Upper[i]!.Value)));
                var lower = run.AsEnumerable().Reverse().Select(i => (Center(i), y.Map(band.Lower[i]!.Value)));
                svg.Polygon(run.Count == 1 ? Widen(Center(run[0]), slot, y.Map(band.Upper[run[0]]!.Value), y.Map(band.Lower[run[0]]!.Value)) : upper.Concat(lower), "tband", band.Name);
            }
        }

        if (rule is { } floor)
        {
            svg.Line(Left, y.Map(floor.Value), Width - Right, y.Map(floor.Value), "floor");
            svg.Text(Width - Right + 4, y.Map(floor.Value) + 4, floor.Label, "legend");
        }

        foreach (var line in lines)
        {
            var style = $"series{line.Series % 4}";
            foreach (var run in Runs(n, i => i < line.Values.Count && line.Values[i] is { } v && double.IsFinite(v)))
            {
                if (run.Count > 1)
                {
                    svg.Polyline(run.Select(i => (Center(i), y.Map(line.Values[i]!.Value))), style);
                }
            }

            for (var i = 0; i < n && i < line.Values.Count; i++)
            {
                if (line.Values[i] is { } v && double.IsFinite(v))
                {
                    svg.Circle(Center(i), y.Map(v), 2.5, style, $"{slots[i].Label}: {line.Name} {Html.Number(v)}");
                }
            }
        }

        foreach (var marker in markers ?? [])
        {
            var x = X(marker.Position, n);
            svg.Line(x, Top - 2, x, Height - Bottom, marker.Kind == "due" ? "tdue" : "tpromotion");
            svg.Text(x, Top - 14, marker.Label, "legend", "middle");
        }

        var legend = lines.Select(l => (l.Name, $"series{l.Series % 4}")).ToList();
        for (var i = 0; i < legend.Count; i++)
        {
            svg.Line(Left + (i * 150), 8, Left + (i * 150) + 16, 8, legend[i].Item2);
            svg.Text(Left + (i * 150) + 20, 12, legend[i].Name, "legend");
        }

        return svg.ToString();
    }

    /// <summary>The runs of consecutive windows where <paramref name="has"/> holds: a line or band is broken at a gap.</summary>
    private static List<List<int>> Runs(int count, Func<int, bool> has)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (var i = 0; i < count; i++)
        {
            if (has(i))
            {
                (current ??= []).Add(i);
            }
            else if (current is not null)
            {
                runs.Add(current);
                current = null;
            }
        }

        if (current is not null)
        {
            runs.Add(current);
        }

        return runs;
    }

    // A band of a single window between two gaps would be a line of no width: drawn as a box a third of the slot wide.
    private static (double X, double Y)[] Widen(double center, double slot, double upper, double lower) =>
        [(center - (slot / 6), upper), (center + (slot / 6), upper), (center + (slot / 6), lower), (center - (slot / 6), lower)];
}
