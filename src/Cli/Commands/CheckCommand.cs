using System.Diagnostics;
using System.Globalization;
using System.Text;
using ModelGates.Checks;
using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Reports;
using ModelGates.Reports.Sarif;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates check</c>: run every gate of modelgates.json, print the diagnostics and write the reports.</summary>
internal sealed class CheckCommand : ICliCommand
{
    public string Name => "check";

    public string Summary => "Run every gate of modelgates.json (contracts, drift, models) and write the reports.";

    public string Usage => "modelgates check [--config modelgates.json] [--format text|json|msbuild|markdown|sarif] [--report-dir <dir>] [--diagnostics-file <path>] [--memory-limit SIZE]";

    public string Example => "modelgates check --config samples/CreditRisk/modelgates.json --report-dir reports";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("config", true, "<path>: the config file (default: modelgates.json in the current folder)"),
        new("report-dir", true, "<dir>: write modelgates.result.json, report.html, modelgates.summary.md, modelgates.sarif and modelgates.inputs.txt there"),
        new("format", true, "text|json|msbuild|markdown|sarif: how results are printed (default text)"),
        DiagnosticsFileOption.Spec,
        ConnectionOptions.StatementTimeout,
        CommonOptions.MemoryLimit,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var format = OutputFormats.From(args, allowMarkdown: true, allowSarif: true);
        var configFile = args.Value("config") ?? GatesConfigReader.DefaultFileName;
        var directory = args.Value("report-dir");
        GateReport report;
        try
        {
            var config = GatesConfigReader.Read(configFile);
            var progress = Progress(context);
            report = GateRunner.Run(config, RunOptions.Create(progress, args));
            if (directory is not null)
            {
                progress?.Invoke($"Writing the reports to {directory}");
                GateReportFiles.Write(report, directory);
                progress?.Invoke("Done");
            }
        }
        catch (ModelGatesException e)
        {
            // The run stopped early: the build's files and a SARIF reader must learn why, not see the last run's findings.
            DiagnosticsFileOption.Write(args, e.Diagnostics);
            if (directory is not null)
            {
                GateReportFiles.WriteFailure(e.Diagnostics, configFile, ToolVersion.Text, e.ExitCode, directory);
            }

            if (format != OutputFormat.Sarif)
            {
                throw;
            }

            context.Out.Write(Encoding.UTF8.GetString(SarifLogWriter.Write(e.Diagnostics, configFile, ToolVersion.Text, e.ExitCode)));
            return e.ExitCode;
        }

        DiagnosticsFileOption.Write(args, report.Diagnostics);
        var outcome = new CheckOutcome("check", report.Diagnostics)
        {
            JsonBody = null,
            TextBody = o => WriteText(o, report),
            MarkdownBody = o => o.Write(GateReportMarkdown.Write(report)),
        };
        switch (format)
        {
            case OutputFormat.Json:
                context.Out.Write(Encoding.UTF8.GetString(GateReportJson.Write(report)));
                return outcome.ExitCode;
            case OutputFormat.Sarif:
                context.Out.Write(Encoding.UTF8.GetString(SarifLogWriter.Write(report)));
                return outcome.ExitCode;
            default:
                return OutcomePrinter.Print(outcome, format, context.Out);
        }
    }

    /// <summary>Progress lines on stderr (<c>[   3.1s] drift 'x': ...</c>), when progress is on.</summary>
    private static Action<string>? Progress(CliContext context)
    {
        if (!context.ProgressEnabled)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        return line => context.Error.WriteLine(ProgressLine.Format(clock.Elapsed, line));
    }

    private static void WriteText(TextWriter o, GateReport report)
    {
        foreach (var gate in report.Gates)
        {
            var failed = gate.Checks.Count(c => c.Status == CheckStatus.Failed);
            var warned = gate.Checks.Count(c => c.Status == CheckStatus.Warned);
            var waived = gate.Checks.Count(c => c.Status == CheckStatus.Waived);
            var verdict = failed > 0 ? "FAILED" : warned > 0 ? "passed with warnings" : "passed";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{gate.Kind} '{gate.Name}': {gate.Checks.Count} checks, {failed} failed, {warned} warned, {waived} waived: {verdict}"));
        }

        o.WriteLine();
    }
}
