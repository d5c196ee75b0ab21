using ModelGates.Cli.Arguments;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;

namespace ModelGates.Cli.Commands;

/// <summary>
/// <c>modelgates accept</c>: take the current results as the new baselines. Model gates' baseline metrics
/// files and drift gates' reference profiles are rewritten atomically, printing old → new. Nothing else
/// ever writes them.
/// </summary>
internal sealed class AcceptCommand : ICliCommand
{
    public string Name => "accept";

    public string Summary => "Accept current results: rewrite model baselines, drift reference profiles and the model lock file (old -> new).";

    public string Usage => "modelgates accept [--config modelgates.json] [--gate <name>] | modelgates accept --snapshots <folder>";

    public string Example => "modelgates accept --config samples/CreditRisk/modelgates.json --gate credit-risk";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("config", true, "<path>: the config file (default: modelgates.json in the current folder)"),
        new("gate", true, "<name>: accept only this gate; repeatable", Repeatable: true),
        new("report-dir", true, "<dir>: accepted; the build passes it, accept writes no report"),
        new("format", true, "text|msbuild: how changes and errors are printed (default text)"),
        new("snapshots", true, "<folder>: accept every received test snapshot (*.received.*) under the folder as approved"),
        DiagnosticsFileOption.Spec,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        if (args.Value("snapshots") is { } folder)
        {
            return AcceptSnapshots(folder, context);
        }

        IReadOnlyList<AcceptedChange> changes;
        try
        {
            var config = GatesConfigReader.Read(args.Value("config") ?? GatesConfigReader.DefaultFileName);
            var only = args.Values("gate");
            changes = BaselineAcceptor.Accept(config, only.Count == 0 ? null : only.ToHashSet(StringComparer.Ordinal));
        }
        catch (ModelGatesException e)
        {
            DiagnosticsFileOption.Write(args, e.Diagnostics);
            throw;
        }

        DiagnosticsFileOption.Write(args, []);
        if (changes.Count == 0)
        {
            context.Out.WriteLine("Nothing to accept: the config declares no model baseline, no drift gate with a reference profile and no model lock file.");
            return ExitCodes.Passed;
        }

        foreach (var change in changes)
        {
            context.Out.WriteLine($"{change.Description} ({change.File}):");
            foreach (var line in change.Lines)
            {
                context.Out.WriteLine("  " + line);
            }
        }

        return ExitCodes.Passed;
    }

    private static int AcceptSnapshots(string folder, CliContext context)
    {
        if (!Directory.Exists(folder))
        {
            throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Snapshot folder '{folder}' does not exist.") with { File = folder });
        }

        var received = Directory.EnumerateFiles(folder, "*.received.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in received)
        {
            var at = file.LastIndexOf(".received.", StringComparison.Ordinal);
            var approved = file[..at] + ".approved." + file[(at + ".received.".Length)..];
            File.Move(file, approved, overwrite: true);
            context.Out.WriteLine($"accepted {Path.GetRelativePath(folder, approved)}");
        }

        context.Out.WriteLine(received.Count == 0 ? "No received snapshots to accept." : $"Accepted {received.Count} snapshot(s).");
        return ExitCodes.Passed;
    }
}
