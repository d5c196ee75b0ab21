using System.Diagnostics;
using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Reports;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates monitor</c>: evaluate each monitor's windows once and decide whether retraining is due (docs/monitoring.md).</summary>
internal sealed class MonitorCommand : ICliCommand
{
    public string Name => "monitor";

    public string Summary => "Cut production data into windows, judge each new window against the reference and the model's floors, and say whether retraining is due.";

    public string Usage => "modelgates monitor [--config modelgates.json] [--format text|json|markdown] [--report-dir <dir>] [--diagnostics-file <path>] [--memory-limit SIZE]";

    public string Example => "modelgates monitor --config samples/CreditRisk/modelgates.monitor.json --format markdown";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("config", true, "<path>: the config file with 'monitors' (default: modelgates.json in the current folder)"),
        new("format", true, "text|json|markdown: how results are printed (default text)"),
        new("report-dir", true, "<dir>: write report.html (each monitor's trends) and modelgates.summary.md there"),
        DiagnosticsFileOption.Spec,
        ConnectionOptions.StatementTimeout,
        CommonOptions.MemoryLimit,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var format = OutputFormats.From(args, allowMarkdown: true);
        var configFile = args.Value("config") ?? GatesConfigReader.DefaultFileName;
        MonitorReport report;
        try
        {
            var config = GatesConfigReader.Read(configFile);
            var progress = Progress(context);
            report = MonitorRun.Run(config, RunOptions.Create(progress, args));
            if (args.Value("report-dir") is { } directory)
            {
                progress?.Invoke($"Writing the reports to {directory}");
                report.WriteReportFiles(directory);
            }
        }
        catch (Diagnostics.ModelGatesException e)
        {
            DiagnosticsFileOption.Write(args, e.Diagnostics);
            throw;
        }

        DiagnosticsFileOption.Write(args, report.Diagnostics);
        var outcome = new CheckOutcome("monitor", report.Diagnostics)
        {
            JsonBody = report.WriteJson,
            TextBody = o => o.Write(report.ToText()),
            MarkdownBody = o => o.Write(report.ToMarkdown()),
        };
        return OutcomePrinter.Print(outcome, format, context.Out);
    }

    private static Action<string>? Progress(CliContext context)
    {
        if (!context.ProgressEnabled)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        return line => context.Error.WriteLine(ProgressLine.Format(clock.Elapsed, line));
    }
}
