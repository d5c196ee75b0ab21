using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Quality;

namespace ModelGates.Cli.Commands;

/// <summary>
/// <c>modelgates quality &lt;data&gt; [--label col] [--reference train.csv] [--key cols]</c>: duplicates, conflicting labels,
/// leakage, column integrity, single-feature leakage and freshness (docs/quality.md), with a review export and import.
/// </summary>
internal sealed class QualityCommand : ICliCommand
{
    public string Name => "quality";

    public string Summary => "Find duplicates, conflicting labels, leaked rows and other data quality problems.";

    public string Usage => "modelgates quality <data> [--label <col>] [--reference <training data>] [--key <cols>] [--format text|json|markdown] [options]";

    public string Example => "modelgates quality samples/CreditRisk/data/holdout.csv --label Status --reference samples/CreditRisk/data/train.csv";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [new("data", "the dataset to check, a file or a glob such as data/*.csv")];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("label", true, "<column>: the label column (conflicting labels, single-feature leakage)"),
        new("reference", true, "<data>: the training data the checked rows must not be in (leakage, volume)"),
        new("key", true, "<columns>: the key columns, comma-separated: rows are named by them, and they are never compared"),
        new("timestamp", true, "<column>: the time column of the freshness and volume checks"),
        new("max-age", true, "<age>: the oldest the newest timestamp may be, such as 36h, 7d or 2w"),
        new("period", true, "day|week|month: the period rows are counted per against the reference (default day)"),
        new("checks", true, "<ids>: only these checks, comma-separated (default all)"),
        new("max-rows", true, "<n>: rows listed per finding (default 20)"),
        new("seed", true, "<n>: the seed of the cross-validation folds (default 42)"),
        new("review", true, "<decisions.jsonl>: review decisions to apply: rows reviewed as fine no longer count"),
        new("review-out", true, "<folder>: write the flagged rows to review.jsonl and review.csv there"),
        new("format", true, "text|json|msbuild|markdown: how results and errors are printed (default text)"),
        .. DatasetOptions.Specs,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var path = args.Positional(0, "the data path", Usage);
        var format = OutputFormats.From(args, allowMarkdown: true);
        var options = ReadOptions(args);
        var progress = TerminalProgress.ForPhases(context);
        using var pipeline = new InputPipeline(progress is null ? null : progress.Phase) { Connections = ConnectionOptions.From(args) };
        var request = new QualityRequest
        {
            Data = DatasetOptions.From(args, path),
            Reference = args.Value("reference") is { } reference ? DatasetOptions.From(args, reference) : null,
            Options = options,
            Only = args.Value("checks") is { } checks ? List(checks) : null,
            Review = args.Value("review"),
            ReviewOut = args.Value("review-out"),
        };
        var report = DataQuality.Run(pipeline, request);
        var outcome = new CheckOutcome("quality", report.Diagnostics)
        {
            JsonBody = report.WriteJson,
            TextBody = report.WriteText,
            MarkdownBody = report.WriteMarkdown,
        };
        return OutcomePrinter.Print(outcome, format, context.Out);
    }

    private static QualityOptions ReadOptions(ParsedArguments args)
    {
        var options = new QualityOptions
        {
            Label = args.Value("label"),
            Key = args.Value("key") is { } key ? List(key) : [],
            Timestamp = args.Value("timestamp"),
            Period = args.Choice("period", "day", "day", "week", "month"),
            MaxRows = (int)(args.Integer("max-rows", min: 0) ?? 20),
            Seed = (ulong)(args.Integer("seed", min: 0) ?? 42),
        };
        if (args.Value("max-age") is { } age)
        {
            if (!DataQuality.TryParseAge(age, out var maxAge))
            {
                throw new ConfigurationException(DiagnosticCatalog.InvalidQualityOption.Create($"--max-age must be an age such as 36h, 7d or 2w, not '{age}'."));
            }

            if (options.Timestamp is null)
            {
                throw new ConfigurationException(DiagnosticCatalog.InvalidQualityOption.Create("--max-age needs --timestamp: the column whose newest value must be that recent."));
            }

            options = options with { MaxAge = maxAge };
        }

        return options;
    }

    private static List<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
