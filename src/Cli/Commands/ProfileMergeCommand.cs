using ModelGates.Cli.Arguments;
using ModelGates.Diagnostics;
using ModelGates.Output;
using ModelGates.Profiles;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates profile merge a.json b.json ... -o all.json</c>: merge partition profiles.</summary>
internal sealed class ProfileMergeCommand : ICliCommand
{
    public string Name => "profile merge";

    public string Summary => "Merge profiles of partitions into the profile of the whole.";

    public string Usage => "modelgates profile merge <a.json> <b.json> [more.json ...] -o <all.json>";

    public string Example =>
        "modelgates profile samples/CreditRisk/data/train.csv -o train.profile.json\n"
        + "modelgates profile samples/CreditRisk/data/holdout.csv -o holdout.profile.json\n"
        + "modelgates profile merge train.profile.json holdout.profile.json -o all.profile.json";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [new("profiles", "profiles of disjoint partitions of one dataset, written by 'modelgates profile'", Minimum: 2, Maximum: ArgumentSpec.Many)];

    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Output, CommonOptions.Format];

    public int Run(ParsedArguments args, CliContext context)
    {
        if (args.Positionals.Count < 2)
        {
            throw new ConfigurationException(DiagnosticCatalog.MissingArgument.Create($"Give at least two profiles to merge. Usage: {Usage}"));
        }

        var output = args.Required("output", Usage);
        var profiles = args.Positionals.Select(ProfileJsonReader.Read).ToList();
        var merged = ProfileMerger.Merge(profiles);
        AtomicFile.Write(output, ProfileJsonWriter.Write(merged));
        context.Error.WriteLine($"Merged {profiles.Count} profiles ({merged.Rows:N0} rows) into {output}");
        return ExitCodes.Passed;
    }
}
