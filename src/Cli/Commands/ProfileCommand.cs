using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Output;
using ModelGates.Profiles;
using ModelGates.Reports;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates profile &lt;data&gt; [-o profile.json]</c>: summarise a dataset into a mergeable profile.</summary>
internal sealed class ProfileCommand : ICliCommand
{
    public string Name => "profile";

    public string Summary => "Summarise a dataset into a mergeable JSON profile.";

    public string Usage => "modelgates profile <data> [-o profile.json] [--quantile-points N] [--memory-limit SIZE] [data options]";

    public string Example => "modelgates profile samples/CreditRisk/data/train.csv -o train.profile.json";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [new("data", "the dataset to read, a file or a glob such as data/*.csv")];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Output,
        CommonOptions.Format,
        CommonOptions.MemoryLimit,
        new("quantile-points", true, "<n>: points of each quantile sketch (default 512; rank error 1/n)"),
        .. DatasetOptions.Specs,
        DatasetOptions.PartitionCache,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var path = args.Positional(0, "the data path", Usage);
        var source = DatasetOptions.From(args, path);
        var settings = new ProfileSettings { QuantilePoints = (int)(args.Integer("quantile-points", min: 16) ?? ProfileSettings.Default.QuantilePoints) };
        var output = args.Value("output");

        var memoryLimit = CommonOptions.MemoryLimitFrom(args);
        var progress = TerminalProgress.For(context, TerminalProgress.SizeOf(path));
        using var pipeline = new InputPipeline(progress is null ? null : progress.Phase) { Connections = ConnectionOptions.From(args), MemoryLimit = memoryLimit };
        pipeline.PartitionCache = args.Value(DatasetOptions.PartitionCache.Name) ?? pipeline.PartitionCache;
        if (progress is not null)
        {
            pipeline.Engine.QueryProgress = progress.Percent;
        }

        // Rows beyond the tolerance stop the profile (nothing is written); rows within it are said here.
        var read = pipeline.Profile(source, settings);
        var (profile, tolerated) = read;
        if (tolerated is not null)
        {
            context.Error.WriteLine(DiagnosticFormatter.ToText(tolerated));
        }

        if (read.Partitions is { } partitions)
        {
            context.Error.WriteLine($"Profiled {partitions.Count} partitions: {partitions.Reused} reused from {partitions.CacheFolder}, {partitions.Computed} read");
        }

        var bytes = ProfileJsonWriter.Write(profile);
        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            context.Out.Flush();
            if (context.Out is MaskingTextWriter { Inner: var inner } && ReferenceEquals(inner, Console.Out))
            {
                stdout.Write(bytes);
            }
            else
            {
                context.Out.Write(System.Text.Encoding.UTF8.GetString(bytes));
            }
        }
        else
        {
            AtomicFile.Write(output, bytes);
            context.Error.WriteLine($"Wrote profile of {profile.Rows:N0} rows and {profile.Columns.Count} columns to {output}");
        }

        return ExitCodes.Passed;
    }
}
