using System.Text.Json;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Output;

namespace ModelGates.Reports.Sarif;

/// <summary>
/// The diagnostics of a run as a SARIF 2.1.0 log (<c>modelgates.sarif</c>, <c>check --format sarif</c>), so
/// GitHub code scanning and Azure DevOps show failing gates on the pull request beside the compiler's and
/// analyzers' findings. One run of the tool <c>ModelGates</c> with every MG code as a rule; one result per
/// diagnostic, at its file, line and column relative to the repository root. The same run writes the same
/// bytes (no time, no absolute path of a file inside the repository).
/// </summary>
public static class SarifLogWriter
{
    /// <summary>The file name in the report folder.</summary>
    internal const string FileName = "modelgates.sarif";

    /// <summary>The schema the log conforms to (OASIS SARIF 2.1.0 with errata 01).</summary>
    internal const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The log of a completed run.</summary>
    public static byte[] Write(GateReport report) =>
        Write(report.Diagnostics, report.ConfigFile, report.ToolVersion, report.Passed ? ExitCodes.Passed : ExitCodes.CheckFailed);

    /// <summary>
    /// The log of <paramref name="diagnostics"/>: those of a completed run, or those of a run that stopped
    /// early (a configuration error, unreadable data) with its <paramref name="exitCode"/>.
    /// </summary>
    public static byte[] Write(IReadOnlyList<Diagnostic> diagnostics, string configFile, string toolVersion, int exitCode)
    {
        var root = SarifSourceRoot.For(configFile);
        return JsonWriterExtensions.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            WriteTool(w, toolVersion);
            w.WriteStartArray("invocations");
            w.WriteStartObject();
            w.WriteBoolean("executionSuccessful", exitCode is ExitCodes.Passed or ExitCodes.CheckFailed);
            w.WriteNumber("exitCode", exitCode);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(SarifSourceRoot.UriBaseId);
            w.WriteStartObject("description");
            w.WriteString("text", root.IsRepository
                ? "The root of the repository that holds the config (the folder with .git)."
                : "The folder of the config (no repository was found above it).");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                WriteResult(w, d, configFile, root);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteTool(Utf8JsonWriter w, string toolVersion)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "ModelGates");
        w.WriteString("version", toolVersion);
        w.WriteString("informationUri", "https://github.com/modelgates/modelgates");
        w.WriteStartArray("rules");
        foreach (var rule in SarifRules.All)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Code);
            w.WriteString("name", SarifRules.Name(rule));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Title);
            w.WriteEndObject();
            w.WriteString("helpUri", rule.HelpLink);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", SarifRules.Level(rule.DefaultSeverity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            w.WriteStringValue(SarifRules.Tag(rule.Code));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Diagnostic d, string configFile, SarifSourceRoot root)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", d.Code);
        var index = IndexOf(d.Code);
        if (index >= 0)
        {
            w.WriteNumber("ruleIndex", index);
        }

        w.WriteString("level", SarifRules.Level(d.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", d.Message);
        w.WriteEndObject();

        // Code scanning needs a location on every result; a finding about the run as a whole points at its config.
        var (uri, uriBaseId) = root.Locate(d.File ?? configFile);
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", uri);
        if (uriBaseId is not null)
        {
            w.WriteString("uriBaseId", uriBaseId);
        }

        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", d.File is not null && d.Line is { } line and > 0 ? line : 1);
        if (d.File is not null && d.Line is > 0 && d.SourceColumn is { } column and > 0)
        {
            w.WriteNumber("startColumn", column);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        if (d.Check is not null || d.Column is not null)
        {
            w.WriteStartObject("properties");
            if (d.Check is not null)
            {
                w.WriteString("check", d.Check);
            }

            if (d.Column is not null)
            {
                w.WriteString("column", d.Column);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static int IndexOf(string code)
    {
        var rules = SarifRules.All;
        for (var i = 0; i < rules.Count; i++)
        {
            if (string.Equals(rules[i].Code, code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
