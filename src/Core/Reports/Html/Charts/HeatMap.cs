namespace ModelGates.Reports.Html.Charts;

/// <summary>One cell of a <see cref="HeatMap"/>.</summary>
/// <param name="Ratio">The value as a multiple of its threshold (1 is at the threshold), or null when there is none.</param>
/// <param name="Flagged">True when the cell's verdict is bad (a drifted column): outlined, so it reads without colour.</param>
/// <param name="Tooltip">The cell's title: what it is and its numbers.</param>
internal sealed record HeatCell(double? Ratio, bool Flagged, string Tooltip);

/// <summary>
/// Rows × columns of cells coloured by value against threshold (a column's drift effect per window): four steps
/// (below half the threshold, below it, below twice it, beyond), none hatched. Cells are whole pixels, and carry their
/// numbers as a tooltip, so a year of weekly windows over 30 columns stays a few hundred bytes per row.
/// </summary>
internal static class HeatMap
{
    private const double LabelWidth = 130;
    private const double Top = 26;
    private const double Bottom = 20;
    private const double RowHeight = 14;
    private const double PlotWidth = 560;

    /// <summary>The colour step of a ratio: <c>q0</c> to <c>q3</c>, <c>qn</c> for none.</summary>
    public static string Step(double? ratio) => ratio switch
    {
        null => "qn",
        < 0.5 => "q0",
        < 1 => "q1",
        < 2 => "q2",
        _ => "q3",
    };

    /// <summary>Renders the map; <paramref name="cells"/> is indexed [row][column].</summary>
    public static string Render(string title, string description, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<HeatCell>> cells)
    {
        var cell = Math.Clamp(Math.Floor(PlotWidth / Math.Max(1, columns.Count)), 4, 24);
        var width = LabelWidth + (cell * columns.Count) + 10;
        var height = Top + (RowHeight * rows.Count) + Bottom;
        var svg = new SvgWriter(width, height, title, description);
        var legend = new[] { ("q0", "< ½ threshold"), ("q1", "< threshold"), ("q2", "≥ threshold"), ("q3", "≥ 2 × threshold"), ("qn", "none") };
        for (var i = 0; i < legend.Length; i++)
        {
            svg.Rect(LabelWidth + (i * 100), 6, 10, 10, legend[i].Item1);
            svg.Text(LabelWidth + (i * 100) + 14, 15, legend[i].Item2, "legend");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = Top + (r * RowHeight);
            svg.Text(LabelWidth - 6, y + RowHeight - 3, Shorten(rows[r]), "tick", "end");
            for (var c = 0; c < columns.Count && c < cells[r].Count; c++)
            {
                var value = cells[r][c];
                svg.Rect(LabelWidth + (c * cell), y, cell - 1, RowHeight - 1, value.Flagged ? Step(value.Ratio) + " qd" : Step(value.Ratio), value.Tooltip);
            }
        }

        var every = Math.Max(1, (int)Math.Ceiling(columns.Count / 10.0));
        for (var c = 0; c < columns.Count; c += every)
        {
            svg.Text(LabelWidth + (c * cell) + (cell / 2), height - 6, columns[c], "tick", "middle");
        }

        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= 20 ? label : label[..19] + "…";
}
