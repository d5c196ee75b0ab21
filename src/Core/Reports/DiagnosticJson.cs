using System.Text.Json;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Output;

namespace ModelGates.Reports;

/// <summary>Writes diagnostics into the stable JSON result schema (docs/json-output.md), and reads them back.</summary>
internal static class DiagnosticJson
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

    /// <summary>Reads one diagnostic object written by <see cref="Write"/> (its <c>helpLink</c> follows from the code).</summary>
    internal static Diagnostic Read(ResultJsonReader r, ConfigNode node)
    {
        var o = r.Object(node, "a diagnostic");
        return new Diagnostic(r.String(o, "code"), r.Choice<Severity>(o, "severity", SeverityText.ToText), r.String(o, "message"))
        {
            File = r.OptionalString(o, "file"),
            Line = r.OptionalInt32(o, "line"),
            SourceColumn = r.OptionalInt32(o, "sourceColumn"),
            Column = r.OptionalString(o, "column"),
            Check = r.OptionalString(o, "check"),
            Measured = r.Measurement(o, "measured"),
            Bound = r.Measurement(o, "bound"),
            Examples = (r.OptionalArray(o, "examples") ?? []).Select(e => ReadExample(r, e)).ToList(),
        };
    }

    private static ExampleRow ReadExample(ResultJsonReader r, ConfigNode node)
    {
        var o = r.Object(node, "an example");
        return new ExampleRow(r.Integer(o, "row"), r.OptionalString(o, "value"), r.OptionalString(o, "file"), r.OptionalInteger(o, "line"));
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
