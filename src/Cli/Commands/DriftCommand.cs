using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Reporting;
using ModelGates.Profiles;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates drift --reference R --current C</c>: compare current data with a reference dataset or profile.</summary>
internal sealed class DriftCommand : ICliCommand
{
    public string Name => "drift";

    public string Summary => "Compare current data with a reference dataset or profile, column by column.";

    public string Usage =>
        "modelgates drift --reference <data|profile.json> --current <data> [--test auto|<id>] [--threshold X] [--columns a,b] "
        + "[--correction none|bonferroni|holm|bh] [--format text|json|msbuild|markdown] [data options]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("reference", true, "<data|profile.json>: the reference dataset, or a profile written by 'modelgates profile' (required)"),
        new("current", true, "<data>: the current dataset (required)"),
        .. DriftOptionSpecs.All,
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
        var isProfile = ProfileJsonReader.LooksLikeProfile(referencePath) || referencePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

        // Hashing reads the files once more; it runs beside the loading instead of after it.
        var currentHash = HashInBackground(currentPath);
        var referenceHash = isProfile ? null : HashInBackground(referencePath);
        var profileReference = isProfile ? DriftReference.ReadProfile(referencePath) : null;

        var progress = TerminalProgress.For(context, TerminalProgress.SizeOf(currentPath) + (isProfile ? 0 : TerminalProgress.SizeOf(referencePath)));
        using var engine = new DataEngine();
        if (progress is not null)
        {
            engine.QueryProgress = progress.Percent;
        }

        var diagnostics = new List<Diagnostic>();
        var currentSource = DatasetOptions.From(args, currentPath);
        DriftReference reference;
        var referenceDiagnostics = new List<Diagnostic>();
        if (profileReference is not null)
        {
            reference = profileReference;
        }
        else
        {
            progress?.Phase($"Reading {referencePath}");
            var referenceSource = DatasetOptions.From(args, referencePath);
            var direct = referenceHash is null ? null : DriftReference.TryReadDirect(engine, referenceSource, referenceHash);
            if (direct is not null)
            {
                reference = direct;
            }
            else
            {
                var referenceData = DatasetLoader.Load(engine, referenceSource);
                Unparsed(referenceData, referenceSource, referenceDiagnostics);
                reference = DriftReference.FromDataset(referenceData, Await(referenceHash, referenceData));
            }
        }

        // A plain CSV file is compared straight from the file; anything else is loaded into a table first.
        progress?.Phase($"Reading {currentPath}");
        var phase = progress is null ? null : new Action<string>(progress.Phase);
        var report = currentHash is null ? null : DriftEngine.TryCompareDirect(engine, reference, currentSource, options, currentHash, phase);
        if (report is null)
        {
            var current = DatasetLoader.Load(engine, currentSource);
            Unparsed(current, currentSource, diagnostics);
            report = DriftEngine.Compare(engine, reference, current, options, Await(currentHash, current), phase);
        }

        diagnostics.AddRange(referenceDiagnostics);

        // The engine's findings name no file; the command points them at the data they are about.
        diagnostics.AddRange(report.Diagnostics.Select(d => d.File is null ? d with { File = currentPath } : d));
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

    private static void Unparsed(LoadedDataset dataset, DatasetSource source, List<Diagnostic> diagnostics)
    {
        // Rows that failed to parse are reported, never dropped silently; beyond the tolerance they fail the run.
        if (UnparsedRowsCheck.Check(dataset, source.MaxUnparsedRows) is { } unparsed)
        {
            diagnostics.Add(unparsed);
        }
    }

    private static Task<string>? HashInBackground(string path) =>
        File.Exists(path) ? Task.Run(() => DatasetHash.Of([path])) : null;

    private static string Await(Task<string>? hash, LoadedDataset dataset)
    {
        // A glob is hashed after loading, over the files it matched in read order.
        return hash is null ? DatasetHash.Of(dataset.Files.Select(f => f.Path)) : hash.GetAwaiter().GetResult();
    }
}
