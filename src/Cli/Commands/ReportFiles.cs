using ModelGates.Gates;
using ModelGates.Output;
using ModelGates.Reports;

namespace ModelGates.Cli.Commands;

/// <summary>
/// Writes the reports of a gate run into the report folder, each atomically, and appends the Markdown
/// summary to <c>$GITHUB_STEP_SUMMARY</c> when that variable is set (GitHub Actions job summaries).
/// </summary>
internal static class ReportFiles
{
    public const string JsonName = "modelgates.result.json";
    public const string MarkdownName = "modelgates.summary.md";

    /// <summary>The files the run read, one absolute path per line: the inputs of the MSBuild target's next incremental check.</summary>
    public const string InputsName = "modelgates.inputs.txt";

    public static void Write(GateReport report, string directory)
    {
        AtomicFile.Write(Path.Combine(directory, JsonName), GateReportJson.Write(report));
        var markdown = GateReportMarkdown.Write(report);
        AtomicFile.WriteText(Path.Combine(directory, MarkdownName), markdown);
        var inputs = report.Inputs.Select(i => Path.GetFullPath(i.Path)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        AtomicFile.WriteText(Path.Combine(directory, InputsName), string.Concat(inputs.Select(i => i + "\n")));
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, markdown + "\n");
        }
    }
}
