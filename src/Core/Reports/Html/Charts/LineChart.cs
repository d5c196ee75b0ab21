namespace ModelGates.Reports.Html.Charts;

/// <summary>One line of a <see cref="LineChart"/>.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Points">The points, in drawing order.</param>
internal sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points);

/// <summary>A vertical segment marked on a <see cref="LineChart"/> with its label (the KS gap).</summary>
/// <param name="X">Where.</param>
/// <param name="From">The lower end.</param>
/// <param name="To">The upper end.</param>
/// <param name="Label">The text beside it.</param>
internal sealed record ChartMarker(double X, double From, double To, string Label);

/// <summary>Curves on fixed [0, 1] axes: ROC, precision–recall, reliability (calibration), gain and KS curves.</summary>
internal static class LineChart
{
    private const double Size = 260;
    private const double Margin = 40;

    /// <summary>Renders the curves; <paramref name="diagonal"/> draws the y = x reference line, <paramref name="marker"/> a marked gap.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, bool diagonal, ChartMarker? marker = null)
    {
        var description = string.Join("; ", series.Select(s => $"{s.Name}: {s.Points.Count} points")) + (marker is null ? string.Empty : "; " + marker.Label);
        var svg = new SvgWriter(Size + Margin + 10, Size + Margin + 24, title, $"{title}. x: {xLabel}, y: {yLabel}. {description}");
        var x = new Axis(0, 1, Margin, Margin + Size);
        var y = new Axis(0, 1, Size + 14, 14);
        foreach (var tick in x.Ticks())
        {
            svg.Line(x.Map(tick), y.Map(0), x.Map(tick), y.Map(1), "grid");
            svg.Text(x.Map(tick), y.Map(0) + 14, Axis.Label(tick), "tick", "middle");
            svg.Line(x.Map(0), y.Map(tick), x.Map(1), y.Map(tick), "grid");
            svg.Text(x.Map(0) - 4, y.Map(tick) + 4, Axis.Label(tick), "tick", "end");
        }

        svg.Text(x.Map(0.5), y.Map(0) + 30, xLabel, "label", "middle");
        svg.Text(12, y.Map(0.5), yLabel, "label", "middle", rotate: -90);
        if (diagonal)
        {
            svg.Line(x.Map(0), y.Map(0), x.Map(1), y.Map(1), "diagonal");
        }

        if (marker is not null)
        {
            svg.Line(x.Map(marker.X), y.Map(marker.From), x.Map(marker.X), y.Map(marker.To), "marker");
            var right = marker.X <= 0.5;
            svg.Text(x.Map(marker.X) + (right ? 4 : -4), y.Map((marker.From + marker.To) / 2), marker.Label, "legend", right ? "start" : "end");
        }

        for (var i = 0; i < series.Count; i++)
        {
            var points = series[i].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p => (x.Map(p.X), y.Map(p.Y))).ToList();
            if (points.Count == 1)
            {
                svg.Circle(points[0].Item1, points[0].Item2, 3, $"series{i % 4}");
            }
            else if (points.Count > 1)
            {
                svg.Polyline(points, $"series{i % 4}");
            }

            svg.Line(x.Map(0.55), y.Map(0.12 + (0.07 * i)), x.Map(0.62), y.Map(0.12 + (0.07 * i)), $"series{i % 4}");
            svg.Text(x.Map(0.64), y.Map(0.12 + (0.07 * i)) + 4, series[i].Name, "legend");
        }

        return svg.ToString();
    }

    /// <summary>Keeps at most <paramref name="max"/> points of a long curve, always the first and the last, so a 1M-row ROC stays small.</summary>
    public static IReadOnlyList<(double X, double Y)> Thin(IReadOnlyList<(double X, double Y)> points, int max = 200)
    {
        if (points.Count <= max)
        {
            return points;
        }

        var step = (double)(points.Count - 1) / (max - 1);
        return Enumerable.Range(0, max).Select(i => points[(int)Math.Round(i * step)]).ToList();
    }
}
