using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Output;
using ModelGates.Sources;

namespace ModelGates.Reports;

/// <summary>
/// Writes the reports of a gate run into the report folder (JSON, HTML, Markdown and SARIF, all rendered from
/// the same <see cref="GateReport"/>), each atomically, and appends the Markdown
/// summary to <c>$GITHUB_STEP_SUMMARY</c> when that variable is set (GitHub Actions job summaries).
/// </summary>
public static class GateReportFiles
{
    /// <summary>The JSON result's file name.</summary>
    public const string JsonName = "modelgates.result.json";

    /// <summary>The Markdown summary's file name.</summary>
    internal const string MarkdownName = "modelgates.summary.md";

    /// <summary>The files the run read, one absolute path per line: the inputs of the MSBuild target's next incremental check.</summary>
    internal const string InputsName = "modelgates.inputs.txt";

    /// <summary>The file named in the list of inputs for database datasets; it is never written, so the build's check never skips them.</summary>
    internal const string DatabaseInputMarker = "database-datasets.never-up-to-date";

    /// <summary>Writes the reports of <paramref name="report"/> into <paramref name="directory"/>.</summary>
    public static void Write(GateReport report, string directory)
    {
        // Every report passes the secret mask last (docs/config.md#connections), whatever a message carries.
        // The HTML page is rendered on another core while the others are rendered here; the files are written in the same order.
        var html = Task.Run(() => SecretMask.Mask(Html.HtmlReportWriter.Render(report)));
        var json = Masked(GateReportJson.Write(report));
        var sarif = Masked(Sarif.SarifLogWriter.Write(report));
        var markdown = SecretMask.Mask(GateReportMarkdown.Write(report, Html.HtmlReportWriter.FileName));
        AtomicFile.Write(Path.Combine(directory, JsonName), json);
        AtomicFile.WriteText(Path.Combine(directory, Html.HtmlReportWriter.FileName), html.GetAwaiter().GetResult());

        AtomicFile.Write(Path.Combine(directory, Sarif.SarifLogWriter.FileName), sarif);
        AtomicFile.WriteText(Path.Combine(directory, MarkdownName), markdown);
        // A database dataset has no file to compare; a path that never exists makes MSBuild run the gates on every build.
        var inputs = report.Inputs
            .Select(i => DatabaseSource.IsDisplay(i.Path) ? Path.Combine(Path.GetFullPath(directory), DatabaseInputMarker) : Path.GetFullPath(i.Path))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        AtomicFile.WriteText(Path.Combine(directory, InputsName), string.Concat(inputs.Select(i => i + "\n")));
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, markdown + "\n");
        }
    }

    /// <summary>
    /// Writes the SARIF log of a run that stopped before it had a report (a configuration error, unreadable
    /// data), so that code review shows why instead of the findings of an earlier run.
    /// </summary>
    public static void WriteFailure(IReadOnlyList<Diagnostic> diagnostics, string configFile, string toolVersion, int exitCode, string directory) =>
        AtomicFile.Write(Path.Combine(directory, Sarif.SarifLogWriter.FileName), Masked(Sarif.SarifLogWriter.Write(diagnostics, configFile, toolVersion, exitCode)));

    private static byte[] Masked(byte[] utf8) => System.Text.Encoding.UTF8.GetBytes(SecretMask.Mask(System.Text.Encoding.UTF8.GetString(utf8)));
}
