using System.Globalization;
using ModelGates.Checks;
using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Output;
using ModelGates.Reports;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates check</c>: run every gate of modelgates.json, print the diagnostics and write the reports.</summary>
internal sealed class CheckCommand : ICliCommand
{
    public string Name => "check";

    public string Summary => "Run every gate of modelgates.json (contracts, drift, models) and write the reports.";

    public string Usage => "modelgates check [--config modelgates.json] [--format text|json|msbuild|markdown] [--report-dir <dir>]";

    public string Example => "modelgates check --config samples/CreditRisk/modelgates.json --report-dir reports";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("config", true, "<path>: the config file (default: modelgates.json in the current folder)"),
        new("report-dir", true, "<dir>: write modelgates.result.json and modelgates.summary.md there"),
        new("format", true, "text|json|msbuild|markdown: how results are printed (default text)"),
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var format = OutputFormats.From(args, allowMarkdown: true);
        var config = GatesConfigReader.Read(args.Value("config") ?? GatesConfigReader.DefaultFileName);
        var progress = context.ProgressEnabled ? new Action<string>(line => context.Error.WriteLine(line)) : null;
        var report = GateRunner.Run(config, RunOptions.Create(progress));

        if (args.Value("report-dir") is { } directory)
        {
            GateReportFiles.Write(report, directory);
        }

        var outcome = new CheckOutcome("check", report.Diagnostics)
        {
            JsonBody = null,
            TextBody = o => WriteText(o, report),
            MarkdownBody = o => o.Write(GateReportMarkdown.Write(report)),
        };
        if (format == OutputFormat.Json)
        {
            context.Out.Write(System.Text.Encoding.UTF8.GetString(GateReportJson.Write(report)));
            return outcome.ExitCode;
        }

        return OutcomePrinter.Print(outcome, format, context.Out);
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
