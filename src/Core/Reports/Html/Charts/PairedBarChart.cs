using System.Globalization;

namespace ModelGates.Reports.Html.Charts;

/// <summary>
/// Reference and current shares side by side for each bin or category: the drift chart. Shares, not counts,
/// because the two datasets rarely have the same number of rows.
/// </summary>
internal static class PairedBarChart
{
    private const double Width = 460;
    private const double Height = 220;
    private const double Left = 44;
    private const double Right = 10;
    private const double Top = 22;
    private const double Bottom = 58;

    /// <summary>Renders the chart; <paramref name="reference"/> and <paramref name="current"/> are shares in [0, 1], one per label.</summary>
    public static string Render(string title, IReadOnlyList<string> labels, IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        if (labels.Count != reference.Count || labels.Count != current.Count)
        {
            throw new ArgumentException("Labels, reference and current shares must have the same length.");
        }

        var description = labels.Count == 0
            ? "No values to show."
            : string.Join("; ", labels.Select((l, i) => $"{l}: reference {Percent(reference[i])}, current {Percent(current[i])}"));
        var svg = new SvgWriter(Width, Height, title, description);
        var highest = reference.Concat(current).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var y = new Axis(0, Math.Max(highest, 0.01), Height - Bottom, Top);
        foreach (var tick in y.Ticks())
        {
            svg.Line(Left, y.Map(tick), Width - Right, y.Map(tick), "grid");
            svg.Text(Left - 4, y.Map(tick) + 4, Percent(tick), "tick", "end");
        }

        svg.Line(Left, Height - Bottom, Width - Right, Height - Bottom, "axis");
        if (labels.Count == 0)
        {
            svg.Text(Width / 2, Height / 2, "no values", "label", "middle");
            return svg.ToString();
        }

        var slot = (Width - Left - Right) / labels.Count;
        var bar = Math.Max(1, (slot * 0.8) / 2);
        for (var i = 0; i < labels.Count; i++)
        {
            var x = Left + (i * slot) + (slot * 0.1);
            svg.Rect(x, y.Map(Safe(reference[i])), bar, y.Map(0) - y.Map(Safe(reference[i])), "ref", $"{labels[i]}: reference {Percent(reference[i])}");
            svg.Rect(x + bar, y.Map(Safe(current[i])), bar, y.Map(0) - y.Map(Safe(current[i])), "cur", $"{labels[i]}: current {Percent(current[i])}");
            if (labels.Count <= 24)
            {
                svg.Text(x + bar, Height - Bottom + 12, Shorten(labels[i]), "tick", "end", rotate: -35);
            }
        }

        svg.Rect(Left, 4, 10, 10, "ref");
        svg.Text(Left + 14, 13, "reference", "legend");
        svg.Rect(Left + 90, 4, 10, 10, "cur");
        svg.Text(Left + 104, 13, "current", "legend");
        return svg.ToString();
    }

    /// <summary>Labels for reference bins (−∞, e₁), [e₁, e₂), …, [e_k, +∞).</summary>
    public static IReadOnlyList<string> BinLabels(IReadOnlyList<double> edges)
    {
        if (edges.Count == 0)
        {
            return ["all"];
        }

        var labels = new List<string> { "< " + Axis.Label(edges[0]) };
        for (var i = 1; i < edges.Count; i++)
        {
            labels.Add($"{Axis.Label(edges[i - 1])}–{Axis.Label(edges[i])}");
        }

        labels.Add("≥ " + Axis.Label(edges[^1]));
        return labels;
    }

    private static double Safe(double share) => double.IsFinite(share) ? Math.Clamp(share, 0, 1) : 0;

    private static string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Shorten(string label) => label.Length <= 14 ? label : label[..13] + "…";
}
