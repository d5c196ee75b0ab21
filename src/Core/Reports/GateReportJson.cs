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
/// another machine writes the same bytes. <see cref="Read(string, string)"/> is its inverse.
/// </summary>
public static partial class GateReportJson
{
    /// <summary>How the result writes the run's time.</summary>
    internal const string TimeFormat = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>The report as UTF-8 JSON.</summary>
    public static byte[] Write(GateReport report)
    {
        var portable = Relativize(report);
        return ResultJson.Build("check", portable.Passed, portable.Diagnostics, w => WriteBody(w, portable));
    }

    /// <summary>The JSON name of a status.</summary>
    internal static string StatusText(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Warned => "warned",
        CheckStatus.Waived => "waived",
        CheckStatus.Insufficient => "insufficient",
        _ => "skipped",
    };

    /// <summary>The run's time as the result writes it (UTC, whole seconds).</summary>
    internal static string TimeText(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static void WriteBody(Utf8JsonWriter w, GateReport report)
    {
        w.WriteString("config", report.ConfigFile);
        w.WriteString("toolVersion", report.ToolVersion);
        w.WriteString("time", TimeText(report.Time));
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
            w.WriteString("path", input.Path);
            w.WriteString("sha256", input.Sha256);
            w.WriteNumber("bytes", input.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("gates");
        foreach (var gate in report.Gates)
        {
            WriteGate(w, gate);
        }

        w.WriteEndArray();
    }

    private static void WriteGate(Utf8JsonWriter w, GateResult gate)
    {
        w.WriteStartObject();
        w.WriteString("kind", gate.Kind);
        w.WriteString("name", gate.Name);
        w.WriteNumber("line", gate.Position.Line);
        w.WriteBoolean("passed", gate.Passed);
        w.WriteStartObject("facts");
        foreach (var (key, value) in gate.Facts)
        {
            w.WriteString(key, value);
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
                DiagnosticJson.Write(w, diagnostic);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        switch (gate.Details)
        {
            case DriftGateDetails drift:
                w.WritePropertyName("details");
                DriftDetailsJson.Write(w, drift);
                break;
            case ModelGateDetails model:
                w.WritePropertyName("details");
                ModelDetailsJson.Write(w, model);
                break;
            case Monitoring.Reports.MonitorTrend trend:
                w.WritePropertyName("details");
                Monitoring.Reports.MonitorTrendJson.Write(w, trend);
                break;
        }

        w.WriteEndObject();
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
