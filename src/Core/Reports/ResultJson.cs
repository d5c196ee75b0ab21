using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Output;

namespace ModelGates.Reports;

/// <summary>
/// The stable JSON result every checking command prints with <c>--format json</c>:
/// <c>{"schemaVersion":1,"command":..., &lt;command fields&gt;, "passed":..., "diagnostics":[...]}</c>.
/// Documented in docs/json-output.md; fields are only ever added within a schema version.
/// </summary>
public static class ResultJson
{
    /// <summary>The result schema version.</summary>
    internal const int SchemaVersion = 1;

    /// <summary>Builds the result document.</summary>
    public static byte[] Build(string command, bool passed, IReadOnlyList<Diagnostic> diagnostics, Action<Utf8JsonWriter>? body = null) =>
        JsonWriterExtensions.Build(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("command", command);
            body?.Invoke(w);
            w.WriteBoolean("passed", passed);
            DiagnosticJson.WriteDiagnostics(w, diagnostics);
            w.WriteEndObject();
        });
}
