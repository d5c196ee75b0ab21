using System.Globalization;
using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Inputs;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Reporting;

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
        new("test", true, "auto|<id>: the test for every column it applies to (default auto; others fall back to auto)"),
        new("threshold", true, "<x>: the threshold of --test in its units (p-value or distance); with auto, the effect threshold"),
        new("alpha", true, "<x>: significance level of the adjusted p-values (default 0.05)"),
        new("effect-threshold", true, "<x>: smallest effect (a distance) that counts as drift (default: the measure's, 0.1)"),
        new("decision", true, "effect|lower-bound|test: when a column counts as drifted (default effect)"),
        new("correction", true, "none|bonferroni|holm|bh: correction for testing many columns (default holm)"),
        new("columns", true, "<a,b,...>: compare only these reference columns"),
        new("missing-threshold", true, "<x>: smallest change of a column's missing share that counts as drift (default 0.05)"),
        new("dataset-share", true, "<x>: share of drifted columns that makes dataset drift (default 0.5)"),
        new("min-count", true, "<n>: fewest non-missing values per side for a column to be tested (default 10)"),
        new("column-test", true, "<column>=<id>: the test of one column; repeatable", Repeatable: true),
        new("column-threshold", true, "<column>=<x>: the threshold of one column's test; repeatable", Repeatable: true),
        new("weight", true, "<column>=<w>: a column's importance in the dataset rule (default 1); repeatable", Repeatable: true),
        new("bootstrap", true, "<n>: bootstrap replicates per effect interval (default 200)"),
        new("seed", true, "<n>: seed of the bootstrap (default 0)"),
        new("format", true, "text|json|msbuild|markdown: how results and errors are printed (default text)"),
        .. DatasetOptions.Specs,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var format = OutputFormats.From(args, allowMarkdown: true);
        var referencePath = args.Required("reference", Usage);
        var currentPath = args.Required("current", Usage);
        var options = ReadOptions(args);
        options.Validate();

        var progress = TerminalProgress.For(context, TerminalProgress.SizeOf(currentPath) + TerminalProgress.SizeOf(referencePath));
        using var pipeline = new InputPipeline(progress is null ? null : progress.Phase);
        if (progress is not null)
        {
            pipeline.Engine.QueryProgress = progress.Percent;
        }

        var reference = pipeline.ReadReference(DatasetOptions.From(args, referencePath));
        var current = pipeline.ReadColumns(DatasetOptions.From(args, currentPath));
        var report = DriftEngine.Compare(reference, current, options, progress is null ? null : progress.Phase);

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

    private static DriftOptions ReadOptions(ParsedArguments args)
    {
        var overrides = new Dictionary<string, ColumnDriftOverride>(StringComparer.Ordinal);
        foreach (var (column, test) in Pairs(args, "column-test"))
        {
            overrides[column] = Override(overrides, column) with { Test = test };
        }

        foreach (var (column, text) in Pairs(args, "column-threshold"))
        {
            overrides[column] = Override(overrides, column) with { Threshold = Number("column-threshold", text) };
        }

        foreach (var (column, text) in Pairs(args, "weight"))
        {
            overrides[column] = Override(overrides, column) with { Weight = Number("weight", text) };
        }

        var correction = args.Choice("correction", "holm", [.. MultipleTestingCorrectionText.Names]);
        var decision = args.Choice("decision", "effect", [.. DriftDecisionRuleText.Names]);
        MultipleTestingCorrectionText.TryParse(correction, out var parsedCorrection);
        DriftDecisionRuleText.TryParse(decision, out var parsedDecision);
        var defaults = DriftOptions.Default;
        return new DriftOptions
        {
            Test = args.Value("test") ?? DriftOptions.AutoTest,
            Threshold = args.Number("threshold"),
            Alpha = args.Number("alpha") ?? defaults.Alpha,
            EffectThreshold = args.Number("effect-threshold"),
            Decision = parsedDecision,
            Correction = parsedCorrection,
            Columns = args.Value("columns") is { } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null,
            MissingShareThreshold = args.Number("missing-threshold") ?? defaults.MissingShareThreshold,
            DatasetDriftShare = args.Number("dataset-share") ?? defaults.DatasetDriftShare,
            MinimumCount = args.Integer("min-count", min: 1) ?? defaults.MinimumCount,
            BootstrapReplicates = (int)(args.Integer("bootstrap", min: 20) ?? defaults.BootstrapReplicates),
            Seed = (ulong)(args.Integer("seed", min: 0) ?? 0),
            Overrides = overrides,
        };
    }

    private static ColumnDriftOverride Override(Dictionary<string, ColumnDriftOverride> overrides, string column) =>
        overrides.TryGetValue(column, out var existing) ? existing : new ColumnDriftOverride();

    private static IEnumerable<(string Column, string Value)> Pairs(ParsedArguments args, string option)
    {
        foreach (var pair in args.Values(option))
        {
            var eq = pair.LastIndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--{option} must look like <column>=<value>, not '{pair}'."));
            }

            yield return (pair[..eq], pair[(eq + 1)..]);
        }
    }

    private static double Number(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--{option} needs a number after '=', not '{text}'."));
}
