using System.Globalization;
using System.Text;

namespace ModelGates.Reports.Html.Charts;

/// <summary>One cell of a <see cref="HeatMap"/>.</summary>
/// <param name="Ratio">The value as a multiple of its threshold (1 is at the threshold), or null when there is none.</param>
/// <param name="Flagged">True when the cell's verdict is bad (a drifted column): outlined, so it reads without colour.</param>
/// <param name="Tooltip">The cell's numbers: the tooltip of a flagged cell.</param>
internal sealed record HeatCell(double? Ratio, bool Flagged, string Tooltip);

/// <summary>
/// Rows × columns of cells coloured by value against threshold (a column's drift effect per window): four steps
/// (below half the threshold, below it, below twice it, beyond), none hatched. The colours are one path per step, equal
/// neighbours in a row merged into one run, in relative whole-pixel moves: a cell costs a dozen bytes, not the hundred
/// of a rect with its tooltip, so a year of weekly windows over 30 columns stays small. Flagged cells are drawn again
/// as outlined rects that carry their numbers as a tooltip; every cell's numbers are in the table the caller writes.
/// </summary>
internal static class HeatMap
{
    /// <summary>The width of the row labels, left of the first cell.</summary>
    internal const double LabelWidth = 130;

    /// <summary>The top of the first row.</summary>
    internal const double Top = 26;

    /// <summary>The height of a row; a cell is one pixel less, so rows stay apart.</summary>
    internal const double RowHeight = 14;

    private const double Bottom = 20;
    private const double PlotWidth = 560;

    /// <summary>The colour steps, in drawing order.</summary>
    internal static readonly string[] Steps = ["q0", "q1", "q2", "q3", "qn"];

    /// <summary>The colour step of a ratio: <c>q0</c> to <c>q3</c>, <c>qn</c> for none.</summary>
    public static string Step(double? ratio) => ratio switch
    {
        null => "qn",
        < 0.5 => "q0",
        < 1 => "q1",
        < 2 => "q2",
        _ => "q3",
    };

    /// <summary>The width of one cell for <paramref name="columns"/> columns: whole pixels, 4 to 24.</summary>
    internal static double CellWidth(int columns) => Math.Clamp(Math.Floor(PlotWidth / Math.Max(1, columns)), 4, 24);

    /// <summary>Renders the map; <paramref name="cells"/> is indexed [row][column].</summary>
    public static string Render(string title, string description, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<HeatCell>> cells)
    {
        var cell = CellWidth(columns.Count);
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
            svg.Text(LabelWidth - 6, Top + (r * RowHeight) + RowHeight - 3, Shorten(rows[r]), "tick", "end");
        }

        foreach (var step in Steps)
        {
            if (Path(step, cells, columns.Count, cell) is { } d)
            {
                svg.Path(d, step);
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count && c < cells[r].Count; c++)
            {
                if (cells[r][c].Flagged)
                {
                    svg.Rect(LabelWidth + (c * cell), Top + (r * RowHeight), cell - 1, RowHeight - 1, "qd", cells[r][c].Tooltip);
                }
            }
        }

        var every = Math.Max(1, (int)Math.Ceiling(columns.Count / 10.0));
        for (var c = 0; c < columns.Count; c += every)
        {
            svg.Text(LabelWidth + (c * cell) + (cell / 2), height - 6, columns[c], "tick", "middle");
        }

        return svg.ToString();
    }

    // The runs of one step: each run a rectangle "m dx dy h w v 13 h -w z", its move relative to the previous run's
    // start (where z leaves the pen), the first from the origin; null when no cell has the step.
    private static string? Path(string step, IReadOnlyList<IReadOnlyList<HeatCell>> cells, int columns, double cell)
    {
        var d = new StringBuilder();
        double penX = 0, penY = 0;
        for (var r = 0; r < cells.Count; r++)
        {
            var count = Math.Min(columns, cells[r].Count);
            for (var c = 0; c < count;)
            {
                var end = c + 1;
                while (end < count && Step(cells[r][end].Ratio) == Step(cells[r][c].Ratio))
                {
                    end++;
                }

                if (Step(cells[r][c].Ratio) == step)
                {
                    var x = LabelWidth + (c * cell);
                    var y = Top + (r * RowHeight);
                    var w = ((end - c) * cell) - 1;
                    d.Append('m').Append(I(x - penX)).Append(' ').Append(I(y - penY))
                        .Append('h').Append(I(w)).Append('v').Append(I(RowHeight - 1)).Append('h').Append(I(-w)).Append('z');
                    (penX, penY) = (x, y);
                }

                c = end;
            }
        }

        return d.Length == 0 ? null : d.ToString();
    }

    // Cells are whole pixels (CellWidth floors, the constants are integers), so the moves are integers.
    private static string I(double value) => ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string label) => label.Length <= 20 ? label : label[..19] + "…";
}
