using ModelGates.Cli.Arguments;
using ModelGates.Diagnostics;
using ModelGates.Output;
using ModelGates.Reports;
using ModelGates.Reports.Html;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates report &lt;result.json&gt; -o report.html</c>: render a check result as a self-contained HTML report.</summary>
internal sealed class ReportCommand : ICliCommand
{
    public string Name => "report";

    public string Summary => "Render the JSON result of 'check' as a self-contained HTML report with charts.";

    public string Usage => "modelgates report <modelgates.result.json> -o <report.html>";

    public string Example =>
        "modelgates check --config samples/CreditRisk/modelgates.json --report-dir reports\n"
        + "modelgates report reports/modelgates.result.json -o report.html";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [new("result", "the JSON result of 'modelgates check' (modelgates.result.json in its report folder)")];

    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Output, CommonOptions.Format];

    public int Run(ParsedArguments args, CliContext context)
    {
        var input = args.Positional(0, "the result file", Usage);
        var output = args.Required("output", Usage);
        if (!File.Exists(input))
        {
            throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Result file '{input}' does not exist.") with { File = input });
        }

        // The result read back into the records the check run rendered from: MG0018 (or MG0016 for another schema version) at the line that is wrong.
        var report = GateReportJson.Read(input);
        AtomicFile.WriteText(output, HtmlReportWriter.Render(report));
        context.Error.WriteLine($"Wrote {output}");
        return ExitCodes.Passed;
    }
}
