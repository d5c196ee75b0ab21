using System.Globalization;
using System.Text.Json;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Output;

namespace ModelGates.Reports;

/// <summary>
/// The JSON result of <c>modelgates check</c> (docs/json-output.md): the usual envelope plus every gate and
/// every check. Paths are written relative to the config's folder with forward slashes, so the same run on
/// another machine writes the same bytes.
/// </summary>
public static class GateReportJson
{
    /// <summary>The report as UTF-8 JSON.</summary>
    public static byte[] Write(GateReport report)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(report.ConfigFile))!;
        return ResultJson.Build("check", report.Passed, report.Diagnostics.Select(d => Relativize(d, root)).ToList(), w => WriteBody(w, report));
    }

    /// <summary>The diagnostic with its file and its examples' files relative to <paramref name="root"/>.</summary>
    public static Diagnostic Relativize(Diagnostic diagnostic, string root) => diagnostic with
    {
        File = diagnostic.File is null ? null : Relative(root, diagnostic.File),
        Examples = diagnostic.Examples.Select(e => e with { File = e.File is null ? null : Relative(root, e.File) }).ToList(),
    };

    private static void WriteBody(Utf8JsonWriter w, GateReport report)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(report.ConfigFile))!;
        w.WriteString("config", Path.GetFileName(report.ConfigFile));
        w.WriteString("toolVersion", report.ToolVersion);
        w.WriteString("time", report.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        w.WriteStartObject("summary");
        w.WriteNumber("checks", report.Checks.Count());
        foreach (var (status, count) in report.Counts)
        {
            w.WriteNumber(StatusText(status), count);
        }

        w.WriteEndObject();
        w.WriteStartArray("inputs");
        foreach (var input in report.Inputs)
        {
            w.WriteStartObject();
            w.WriteString("role", input.Role);
            w.WriteString("path", Relative(root, input.Path));
            w.WriteString("sha256", input.Sha256);
            w.WriteNumber("bytes", input.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("gates");
        foreach (var gate in report.Gates)
        {
            WriteGate(w, gate, root);
        }

        w.WriteEndArray();
    }

    private static void WriteGate(Utf8JsonWriter w, GateResult gate, string root)
    {
        w.WriteStartObject();
        w.WriteString("kind", gate.Kind);
        w.WriteString("name", gate.Name);
        w.WriteNumber("line", gate.Position.Line);
        w.WriteBoolean("passed", gate.Passed);
        w.WriteStartObject("facts");
        foreach (var (key, value) in gate.Facts)
        {
            w.WriteString(key, Path.IsPathRooted(value) ? Relative(root, value) : value);
        }

        w.WriteEndObject();
        w.WriteStartArray("checks");
        foreach (var check in gate.Checks)
        {
            w.WriteStartObject();
            w.WriteString("id", check.Id);
            w.WriteString("description", check.Description);
            w.WriteString("status", StatusText(check.Status));
            w.WriteStringOrNull("column", check.Column);
            WriteScalar(w, "measured", check.Measured);
            WriteScalar(w, "bound", check.Bound);
            w.WriteStringOrNull("code", check.Diagnostic?.Code);
            if (check.Diagnostic is { } diagnostic)
            {
                w.WritePropertyName("diagnostic");
                DiagnosticJson.Write(w, Relativize(diagnostic, root));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (gate.Details is { } details)
        {
            w.WritePropertyName("details");
            details.Write(w);
        }

        w.WriteEndObject();
    }

    /// <summary>The JSON name of a status.</summary>
    public static string StatusText(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Warned => "warned",
        CheckStatus.Waived => "waived",
        CheckStatus.Insufficient => "insufficient",
        _ => "skipped",
    };

    /// <summary>A path relative to the config's folder, with forward slashes (a relative path stays as it is).</summary>
    public static string Relative(string root, string path) =>
        (Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path).Replace('\\', '/');

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
