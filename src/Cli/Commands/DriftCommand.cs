using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Reporting;
using ModelGates.Inputs;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates drift --reference R --current C</c>: compare current data with a reference dataset or profile.</summary>
internal sealed class DriftCommand : ICliCommand
{
    public string Name => "drift";

    public string Summary => "Compare current data with a reference dataset or profile, column by column.";

    public string Usage =>
        "modelgates drift --reference <data|profile.json> --current <data> [--test auto|<id>] [--threshold X] [--columns a,b] "
        + "[--correction none|bonferroni|holm|bh] [--format text|json|msbuild|markdown] [data options]";

    public string Example => "modelgates drift --reference samples/data/credit_data.csv --current samples/data/drifted/credit_drifted.csv";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("reference", true, "<data|profile.json>: the reference dataset, or a profile written by 'modelgates profile' (required)"),
        new("current", true, "<data>: the current dataset (required)"),
        .. DriftOptionSpecs.All,
        CommonOptions.MemoryLimit,
        new("format", true, "text|json|msbuild|markdown: how results and errors are printed (default text)"),
        .. DatasetOptions.Specs,
        DatasetOptions.ReferencePartition,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var format = OutputFormats.From(args, allowMarkdown: true);
        var referencePath = args.Required("reference", Usage);
        var currentPath = args.Required("current", Usage);
        var options = ReadOptions(args);
        options.Validate();

        var memoryLimit = CommonOptions.MemoryLimitFrom(args);
        var progress = TerminalProgress.For(context, TerminalProgress.SizeOf(currentPath) + TerminalProgress.SizeOf(referencePath));
        using var pipeline = new InputPipeline(progress is null ? null : progress.Phase) { Connections = ConnectionOptions.From(args), MemoryLimit = memoryLimit };
        if (progress is not null)
        {
            pipeline.Engine.QueryProgress = progress.Percent;
        }

        var reference = pipeline.ReadReference(DatasetOptions.From(args, referencePath, DatasetOptions.ReferencePartition.Name));
        var currentSource = DatasetOptions.From(args, currentPath);
        var report = DatasetOptions.IsDatabase(currentPath)
            ? pipeline.CompareInDatabase(reference, currentSource, options)
            : DriftEngine.Compare(reference, pipeline.ReadColumns(currentSource), options, progress is null ? null : progress.Phase);

        // The engine's findings name no file; the command points them at the data they are about.
        var diagnostics = report.Diagnostics.Select(d => d.File is null ? d with { File = currentPath } : d).ToList();
        var outcome = new CheckOutcome("drift", diagnostics)
        {
            JsonBody = w => DriftReportJson.WriteBody(w, report),
            TextBody = o => DriftReportText.Write(o, report),
            MarkdownBody = o => DriftReportMarkdown.Write(o, report with { Diagnostics = diagnostics }),
        };
        return OutcomePrinter.Print(outcome, format, context.Out);
    }

    /// <summary>The options of <see cref="DriftOptionTable"/>, under their command-line names, read and checked by the table.</summary>
    private static DriftOptions ReadOptions(ParsedArguments args) => DriftOptionTable.FromCommandLine(args.Values);
}
