using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ModelGates.Reports.Html;

/// <summary>Small helpers for writing escaped HTML from the JSON result.</summary>
internal static class Html
{
    public static string Escape(string? text) => System.Net.WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A JSON value as display text: numbers to 4 significant digits, null as an en dash.</summary>
    public static string Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => Number(element.GetDouble()),
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "–",
    };

    public static string Number(double value) =>
        !double.IsFinite(value) ? "–"
        : value == Math.Round(value) && Math.Abs(value) < 1e12 ? value.ToString("0", CultureInfo.InvariantCulture)
        : Math.Abs(value) is >= 1e-3 and < 1e6 ? value.ToString("0.####", CultureInfo.InvariantCulture)
        : value.ToString("0.###E0", CultureInfo.InvariantCulture);

    public static JsonElement Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string Text(JsonElement element, string name) => Value(Get(element, name));

    public static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static double? Number(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

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
