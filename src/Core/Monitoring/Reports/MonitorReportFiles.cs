using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Output;
using ModelGates.Reports;
using ModelGates.Reports.Html;
using ModelGates.Sources;

namespace ModelGates.Monitoring.Reports;

/// <summary>
/// The report files of <c>modelgates monitor --report-dir</c>: the same self-contained <c>report.html</c> that
/// <c>check</c> writes, holding the monitors as gates with their trends, and the monitor's Markdown summary under the
/// name <c>check</c> gives its summary. Both pass the secret mask and are written atomically.
/// </summary>
internal static class MonitorReportFiles
{
    public static void Write(MonitorReport report, GatesConfig config, string directory)
    {
        var gates = report.Results.Select((r, i) => MonitorGateRunner.ToGate(r) with { Details = report.Trends[i] }).ToList();
        var asGates = new GateReport
        {
            ConfigFile = config.File,
            Gates = gates,
            Diagnostics = report.Diagnostics,
            Inputs = report.Inputs,
            Time = report.Options.Time,
            ToolVersion = report.Options.ToolVersion,
        };
        AtomicFile.WriteText(Path.Combine(directory, HtmlReportWriter.FileName), SecretMask.Mask(HtmlReportWriter.Render(asGates)));
        AtomicFile.WriteText(Path.Combine(directory, GateReportFiles.MarkdownName), SecretMask.Mask(report.ToMarkdown()));
    }
}
