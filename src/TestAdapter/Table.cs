using System.Text;

namespace ModelGates.Xunit;

/// <summary>Renders a small fixed-width text table for failure messages.</summary>
internal static class Table
{
    public static string Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        // Every column but the last is capped so a long value cannot push the table off the screen; the last
        // (a message or a location) is never cut.
        var widths = header.Select((h, i) =>
        {
            var widest = Math.Max(h.Length, rows.Select(r => Cell(r, i).Length).DefaultIfEmpty(0).Max());
            return i == header.Count - 1 ? widest : Math.Min(48, widest);
        }).ToArray();
        var text = new StringBuilder();
        Append(text, header, widths);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in rows)
        {
            Append(text, row, widths);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        var parts = widths.Select((w, i) =>
        {
            var cell = Cell(cells, i);
            return cell.Length > w ? cell[..(w - 1)] + "…" : cell.PadRight(w);
        });
        text.Append(string.Join("  ", parts).TrimEnd()).Append('\n');
    }

    private static string Cell(IReadOnlyList<string> cells, int i) => i < cells.Count ? cells[i].ReplaceLineEndings(" ") : string.Empty;
}
