using System.CommandLine;
using ModelGates.Cli.Arguments;
using ModelGates.Cli.Commands;
using ModelGates.Cli.Output;
using ModelGates.Diagnostics;

namespace ModelGates.Cli;

/// <summary>
/// The entry point: System.CommandLine parses the command line (help, <c>--version</c>, response files and
/// completions come from it), the command runs, and every failure becomes a diagnostic and an exit code.
/// </summary>
internal static class CliApp
{
    private static readonly IReadOnlyList<ICliCommand> Commands =
    [
        new ProfileCommand(),
        new ProfileMergeCommand(),
        new InferCommand(),
        new ValidateCommand(),
        new QualityCommand(),
        new DriftCommand(),
        new EvaluateCommand(),
        new CheckCommand(),
        new MonitorCommand(),
        new AcceptCommand(),
        new PromoteCommand(),
        new LineageCommand(),
        new ReportCommand(),
    ];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool? progress = null)
    {
        // Whatever any command prints passes the secret mask (docs/config.md#connections).
        var maskedOut = new MaskingTextWriter(stdout);
        var maskedError = new MaskingTextWriter(stderr);
        try
        {
            return RunMasked(args, maskedOut, maskedError, progress);
        }
        finally
        {
            maskedOut.Flush();
            maskedError.Flush();
        }
    }

    private static int RunMasked(string[] args, TextWriter stdout, TextWriter stderr, bool? progress)
    {
        // MODELGATES_PROGRESS=1 forces progress lines (CI logs); =0 silences them.
        var forced = Environment.GetEnvironmentVariable("MODELGATES_PROGRESS");
        var context = new CliContext(stdout, stderr, progress ?? (forced is null ? !Console.IsErrorRedirected : forced == "1"));
        var tree = CommandTree.Build(
            $"modelgates {ToolVersion.Text}: data contracts, drift checks and model gates for .NET builds.",
            Commands,
            (command, parsed) => command.Run(parsed, context));

        if (args.Length == 0)
        {
            // Nothing asked: the overview, on stderr since nothing ran, and the usage exit code.
            tree.Root.Parse(["--help"]).Invoke(Invocation(stderr, stderr));
            return ExitCodes.UsageError;
        }

        // 'modelgates help [command]' is 'modelgates [command] --help'.
        if (args[0] == "help")
        {
            args = [.. args[1..], "--help"];
        }

        var responseFiles = new ResponseFiles();
        var parsed = tree.Root.Parse(args, responseFiles.Configuration);
        var name = tree.Find(parsed.CommandResult.Command)?.Cli.Name ?? args[0];
        var words = parsed.Tokens.Select(t => t.Value).ToList();
        try
        {
            if (UsageErrors.Of(parsed, tree, responseFiles.Missing) is { Count: > 0 } usage)
            {
                throw new ConfigurationException(usage);
            }

            return parsed.Invoke(Invocation(stdout, stderr));
        }
        catch (ModelGatesException e)
        {
            return OutcomePrinter.PrintFailure(name, e.Diagnostics, e.ExitCode, OutputFormats.Sniff(words), stdout, stderr);
        }
        catch (DllNotFoundException e) when (e.Message.Contains("duckdb", StringComparison.OrdinalIgnoreCase))
        {
            var diagnostic = DiagnosticCatalog.EngineNativeLibraryMissing.Create(
                "DuckDB's native library could not be loaded. Run the engine from a build of ModelGates.Cli, or, inside the ModelGates.Build package, restore the project so that DuckDB.NET.Bindings.Full is in the NuGet packages folder (a different DuckDB.NET version referenced by the project can cause this).");
            return OutcomePrinter.PrintFailure(name, [diagnostic], ExitCodes.UsageError, OutputFormats.Sniff(words), stdout, stderr);
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("MODELGATES_DEBUG") != "1")
        {
            // A bug of ours; never a stack trace for the user, but enough to report it.
            var diagnostic = DiagnosticCatalog.InternalError.Create(
                $"Internal error in '{name}': {e.GetType().Name}: {e.Message} Please report it; set MODELGATES_DEBUG=1 for the stack trace.");
            return OutcomePrinter.PrintFailure(name, [diagnostic], ExitCodes.UsageError, OutputFormats.Sniff(words), stdout, stderr);
        }
    }

    /// <summary>Where the library writes (help, version, completions); exceptions reach the handlers above, not the library's.</summary>
    private static InvocationConfiguration Invocation(TextWriter output, TextWriter error) => new()
    {
        Output = output,
        Error = error,
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };
}
