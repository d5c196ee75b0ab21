using System.Globalization;
using System.Text;
using ModelGates.Diagnostics;

namespace ModelGates.Reports.Html;

/// <summary>Small helpers for writing escaped HTML from the typed report.</summary>
internal static class Html
{
    /// <summary>What a value the report does not have (null, NaN, an infinity) shows as.</summary>
    public const string Missing = "–";

    public static string Escape(string? text) => System.Net.WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number to 4 significant digits; not finite as an en dash (the result writes those as null).</summary>
    public static string Number(double value) =>
        !double.IsFinite(value) ? Missing
        : value == Math.Round(value) && Math.Abs(value) < 1e12 ? value.ToString("0", CultureInfo.InvariantCulture)
        : Math.Abs(value) is >= 1e-3 and < 1e6 ? value.ToString("0.####", CultureInfo.InvariantCulture)
        : value.ToString("0.###E0", CultureInfo.InvariantCulture);

    /// <summary>A number, or an en dash for none.</summary>
    public static string Number(double? value) => value is { } v ? Number(v) : Missing;

    /// <summary>A text, or an en dash for none.</summary>
    public static string Text(string? value) => value ?? Missing;

    /// <summary>A measured value or bound: a number as <see cref="Number(double)"/>, a text as it is, none as an en dash.</summary>
    public static string Value(Scalar? value) => value is { Number: { } n } ? Number(n) : value?.Text ?? Missing;

    /// <summary>true or false.</summary>
    public static string Boolean(bool value) => value ? "true" : "false";

    /// <summary>The value of the fact <paramref name="key"/> (the last of that name), or an en dash.</summary>
    public static string Fact(IReadOnlyList<KeyValuePair<string, string>> facts, string key) =>
        facts.LastOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal)).Value ?? Missing;

    /// <summary>A status as a word with a symbol, readable without colour; the class colours it.</summary>
    public static string Status(string status) => status switch
    {
        "passed" or "ok" => "<span class=\"status ok\">✔ passed</span>",
        "failed" or "drift" => $"<span class=\"status bad\">✘ {Escape(status)}</span>",
        "warned" => "<span class=\"status warn\">⚠ warning</span>",
        "waived" => "<span class=\"status waived\">◌ waived</span>",
        "insufficient" => "<span class=\"status muted\">? insufficient data</span>",
        _ => $"<span class=\"status muted\">{Escape(status)}</span>",
    };

    /// <summary>Opens an accessible table with a caption and header cells that screen readers associate with the rows.</summary>
    public static void Table(StringBuilder html, string caption, params string[] headers)
    {
        html.Append("<table><caption>").Append(Escape(caption)).Append("</caption><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(Escape(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
    }

    public static void Row(StringBuilder html, params string[] rawCells)
    {
        html.Append("<tr>");
        for (var i = 0; i < rawCells.Length; i++)
        {
            html.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(rawCells[i]).Append(i == 0 ? "</th>" : "</td>");
        }

        html.Append("</tr>");
    }

    public static void EndTable(StringBuilder html) => html.Append("</tbody></table>");
}
