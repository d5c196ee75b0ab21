using System.Globalization;
using System.Text;

namespace ModelGates.Reports.Html.Charts;

/// <summary>
/// Writes SVG elements with numbers rounded to two decimals in invariant culture, and text escaped, so charts
/// are valid XML and byte-identical for the same data.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder svg = new();

    public SvgWriter(double width, double height, string title, string description)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\">");
        // The first <title> and <desc> children name and describe an SVG image for screen readers; ids would
        // repeat across the report's charts, so none are used.
        svg.Append("<title>").Append(Escape(title)).Append("</title>");
        svg.Append("<desc>").Append(Escape(description)).Append("</desc>");
    }

    public void Rect(double x, double y, double width, double height, string cssClass, string? tooltip = null)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\"");
        AppendTooltip(tooltip, "rect");
    }

    /// <summary>A path of whole-pixel moves (<paramref name="data"/> is written as given: the caller keeps it to integers).</summary>
    public void Path(string data, string cssClass) =>
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{cssClass}\" d=\"{data}\"/>");

    public void Line(double x1, double y1, double x2, double y2, string cssClass) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{cssClass}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");

    public void Polyline(IEnumerable<(double X, double Y)> points, string cssClass) =>
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{cssClass}\" fill=\"none\" points=\"{string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y)))}\"/>");

    /// <summary>A closed, filled area (a band between two lines).</summary>
    public void Polygon(IEnumerable<(double X, double Y)> points, string cssClass, string? tooltip = null)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"{cssClass}\" points=\"{string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y)))}\"");
        AppendTooltip(tooltip, "polygon");
    }

    public void Circle(double x, double y, double r, string cssClass, string? tooltip = null)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{cssClass}\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\"");
        AppendTooltip(tooltip, "circle");
    }

    public void Text(double x, double y, string text, string cssClass, string anchor = "start", double rotate = 0)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"");
        if (rotate != 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"");
        }

        svg.Append('>').Append(Escape(text)).Append("</text>");
    }

    public override string ToString() => svg + "</svg>";

    /// <summary>A coordinate: two decimals, invariant, never NaN (0 stands in, which the callers avoid).</summary>
    public static string N(double value) => (double.IsFinite(value) ? Math.Round(value, 2) : 0).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private void AppendTooltip(string? tooltip, string element)
    {
        if (tooltip is null)
        {
            svg.Append("/>");
            return;
        }

        svg.Append("><title>").Append(Escape(tooltip)).Append("</title></").Append(element).Append('>');
    }
}
