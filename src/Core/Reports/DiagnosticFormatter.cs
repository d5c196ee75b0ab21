using System.Globalization;
using System.Text;
using ModelGates.Diagnostics;

namespace ModelGates.Reports;

/// <summary>Formats diagnostics as MSBuild's canonical lines and as human text.</summary>
public static class DiagnosticFormatter
{
    /// <summary>The origin used when a diagnostic names no file.</summary>
    internal const string ToolOrigin = "modelgates";

    /// <summary>
    /// MSBuild's canonical error format, <c>file(line,col): error MG2005: message</c>, which MSBuild,
    /// Visual Studio, VS Code problem matchers and CI annotations all parse. Info maps to <c>message</c>.
    /// </summary>
    public static string ToMsBuild(Diagnostic d)
    {
        var origin = d.File is null
            ? ToolOrigin
            : d.Line is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"{d.File}({line},{d.SourceColumn ?? 1})")
                : d.File;
        var category = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "message",
        };

        // A newline would end the canonical line early; examples stay in the JSON and text reports.
        return $"{origin}: {category} {d.Code}: {d.Message.ReplaceLineEndings(" ")}";
    }

    /// <summary>A human-readable block: the headline, where it points, and example rows.</summary>
    public static string ToText(Diagnostic d)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{d.Severity.ToText()} {d.Code}");
        if (d.Column is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{d.Column}]");
        }

        text.Append(": ").Append(d.Message);
        if (d.File is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    at {d.File}");
            if (d.Line is { } line)
            {
                text.Append(CultureInfo.InvariantCulture, $":{line}");
                if (d.SourceColumn is { } col)
                {
                    text.Append(CultureInfo.InvariantCulture, $":{col}");
                }
            }
        }

        foreach (var example in d.Examples)
        {
            text.Append("\n    ").Append(Describe(example));
        }

        return text.ToString();
    }

    /// <summary>One example as text: <c>row 12 (line 13): "abc"</c>; a table row without a number (row 0) is <c>example: "abc"</c>.</summary>
    public static string Describe(ExampleRow example)
    {
        if (example is { Row: <= 0, File: null, Line: null })
        {
            return $"example: {(example.Value is null ? "<missing>" : Quote(example.Value))}";
        }

        var where = example.File is null ? string.Empty : example.File + " ";
        where += string.Create(CultureInfo.InvariantCulture, $"row {example.Row}");
        if (example.Line is { } line)
        {
            where += string.Create(CultureInfo.InvariantCulture, $" (line {line})");
        }

        return $"{where}: {(example.Value is null ? "<missing>" : Quote(example.Value))}";
    }

    private static string Quote(string value) => "\"" + (value.Length > 80 ? value[..77] + "..." : value) + "\"";
}
