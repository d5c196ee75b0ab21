using ModelGates.Checks;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Gates;

namespace ModelGates.Reports;

public static partial class GateReportJson
{
    /// <summary>
    /// Reads a result file written by <see cref="Write"/> back into a <see cref="GateReport"/>, in the form
    /// <see cref="Relativize(GateReport)"/> gives: paths relative to the config's folder, the config as its file name.
    /// Writing the report again gives the same bytes. Values derived from others (<c>passed</c>, <c>summary</c>,
    /// <c>code</c>, <c>helpLink</c>) are not read; properties this version does not know are ignored. The result holds
    /// no gate notes (they are among the report's diagnostics) and only the line of a gate's declaration, so
    /// <see cref="GateResult.Notes"/> comes back empty and the position's column 0.
    /// </summary>
    /// <exception cref="ConfigurationException">MG0018 when the file is not the JSON result of <c>check</c> or is malformed
    /// (at its line and column); MG0016 when its schema version is not <see cref="ResultJson.SchemaVersion"/>.</exception>
    public static GateReport Read(string path) => Read(File.ReadAllText(path), path);

    /// <summary>Reads the result in <paramref name="text"/>; <paramref name="file"/> names it in diagnostics.</summary>
    /// <exception cref="ConfigurationException">As <see cref="Read(string)"/>.</exception>
    public static GateReport Read(string text, string file)
    {
        var node = ConfigJsonParser.Parse(text, file, out var syntax);
        if (node is null)
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidResultFile.Create(syntax!.Message) with { File = file, Line = syntax.Line, SourceColumn = syntax.SourceColumn });
        }

        var r = new ResultJsonReader(file);
        if (node is not ConfigObject root || ResultJsonReader.Optional(root, "command") is not ConfigString { Value: "check" })
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidResultFile.Create(
                $"'{file}' is not the JSON result of 'modelgates check' (written as {GateReportFiles.JsonName} in the report folder).") with { File = file });
        }

        var version = r.Integer(root, "schemaVersion");
        if (version != ResultJson.SchemaVersion)
        {
            var at = root.Find("schemaVersion")!.Value.Position;
            throw new ConfigurationException(DiagnosticCatalog.UnsupportedSchemaVersion.Create(
                $"Result schema version {version} is not supported; this tool reads version {ResultJson.SchemaVersion}.") with { File = file, Line = at.Line, SourceColumn = at.Column });
        }

        return new GateReport
        {
            ConfigFile = r.String(root, "config"),
            ToolVersion = r.String(root, "toolVersion"),
            Time = r.Time(root, "time", TimeFormat),
            Inputs = r.Array(root, "inputs").Select(i => ReadInput(r, i)).ToList(),
            Gates = r.Array(root, "gates").Select(g => ReadGate(r, g)).ToList(),
            Diagnostics = r.Array(root, "diagnostics").Select(d => DiagnosticJson.Read(r, d)).ToList(),
        };
    }

    private static InputFile ReadInput(ResultJsonReader r, ConfigNode node)
    {
        var o = r.Object(node, "an input");
        return new InputFile(r.String(o, "role"), r.String(o, "path"), r.String(o, "sha256"), r.Integer(o, "bytes"));
    }

    private static GateResult ReadGate(ResultJsonReader r, ConfigNode node)
    {
        var o = r.Object(node, "a gate");
        var kind = r.String(o, "kind");
        var details = r.OptionalObject(o, "details");

        // The result records the gate's line only.
        return new GateResult(kind, r.String(o, "name"), new SourcePosition(r.Int32(o, "line"), 0), r.Array(o, "checks").Select(c => ReadCheck(r, c)).ToList())
        {
            Facts = r.Object(o, "facts").Properties.Select(p => new KeyValuePair<string, string>(p.Name, r.String(p.Value, $"'{p.Name}'"))).ToList(),
            Details = (kind, details) switch
            {
                (_, null) => null,
                ("drift", { } d) => DriftDetailsJson.Read(r, d),
                ("model", { } d) => ModelDetailsJson.Read(r, d),
                ("monitor", { } d) => Monitoring.Reports.MonitorTrendJson.Read(r, d),
                _ => throw r.Invalid(details, $"this version reads no details for a gate of kind '{kind}'."),
            },
        };
    }

    private static CheckResult ReadCheck(ResultJsonReader r, ConfigNode node)
    {
        var o = r.Object(node, "a check");
        return new CheckResult(r.String(o, "id"), r.String(o, "description"))
        {
            Status = r.Choice<CheckStatus>(o, "status", StatusText),
            Column = r.OptionalString(o, "column"),
            Measured = r.Measurement(o, "measured"),
            Bound = r.Measurement(o, "bound"),
            Diagnostic = ResultJsonReader.Optional(o, "diagnostic") is { } d ? DiagnosticJson.Read(r, d) : null,
        };
    }
}
