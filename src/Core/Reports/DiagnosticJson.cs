using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Output;

namespace ModelGates.Reports;

/// <summary>Writes diagnostics into the stable JSON result schema (docs/json-output.md).</summary>
public static class DiagnosticJson
{
    /// <summary>Writes the <c>diagnostics</c> array.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            Write(w, d);
        }

        w.WriteEndArray();
    }

    /// <summary>Writes one diagnostic object.</summary>
    public static void Write(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("code", d.Code);
        w.WriteString("severity", d.Severity.ToText());
        w.WriteString("message", d.Message);
        w.WriteStringOrNull("file", d.File?.Replace('\\', '/'));
        WriteInt(w, "line", d.Line);
        WriteInt(w, "sourceColumn", d.SourceColumn);
        w.WriteStringOrNull("column", d.Column);
        w.WriteStringOrNull("check", d.Check);
        WriteScalar(w, "measured", d.Measured);
        WriteScalar(w, "bound", d.Bound);
        w.WriteStartArray("examples");
        foreach (var e in d.Examples)
        {
            w.WriteStartObject();
            w.WriteNumber("row", e.Row);
            if (e.Line is { } line)
            {
                w.WriteNumber("line", line);
            }
            else
            {
                w.WriteNull("line");
            }

            w.WriteStringOrNull("file", e.File?.Replace('\\', '/'));
            w.WriteStringOrNull("value", e.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("helpLink", DiagnosticCatalog.Find(d.Code)?.HelpLink ?? $"{DiagnosticDescriptor.HelpBase}/{d.Code}.md");
        w.WriteEndObject();
    }

    private static void WriteInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteScalar(Utf8JsonWriter w, string name, Scalar? value)
    {
        if (value is { Number: { } n })
        {
            w.WriteNumberOrNull(name, n);
        }
        else
        {
            w.WriteStringOrNull(name, value?.Text);
        }
    }
}
