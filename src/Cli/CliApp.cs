using System.Text;
using ModelGates.Cli.Arguments;
using ModelGates.Cli.Commands;
using ModelGates.Cli.Output;
using ModelGates.Diagnostics;

namespace ModelGates.Cli;

/// <summary>The entry point: finds the command, parses its options, and turns every failure into a diagnostic and an exit code.</summary>
internal static class CliApp
{
    private static readonly IReadOnlyList<ICliCommand> Commands =
    [
        new ProfileMergeCommand(),
        new ProfileCommand(),
        new InferCommand(),
        new ValidateCommand(),
        new DriftCommand(),
        new EvaluateCommand(),
        new CheckCommand(),
        new AcceptCommand(),
        new LineageCommand(),
        new ReportCommand(),
    ];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool? progress = null)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).Write(HelpText());
            return args.Length == 0 ? ExitCodes.UsageError : ExitCodes.Passed;
        }

        if (args[0] is "--version")
        {
            stdout.WriteLine(ToolVersion.Text);
            return ExitCodes.Passed;
        }

        // MODELGATES_PROGRESS=1 forces progress lines (CI logs); =0 silences them.
        var forced = Environment.GetEnvironmentVariable("MODELGATES_PROGRESS");
        var context = new CliContext(stdout, stderr, progress ?? (forced is null ? !Console.IsErrorRedirected : forced == "1"));
        var (command, rest) = Find(args);
        var name = command?.Name ?? args[0];
        try
        {
            if (command is null)
            {
                throw new ConfigurationException(DiagnosticCatalog.UnknownCommand.Create(
                    $"Unknown command '{args[0]}'. Commands: {string.Join(", ", Commands.Select(c => c.Name).Order(StringComparer.Ordinal))}."));
            }

            if (rest.Contains("--help") || rest.Contains("-h"))
            {
                stdout.Write(CommandHelp(command));
                return ExitCodes.Passed;
            }

            var parsed = ArgumentParser.Parse(rest, command.Options, command.Name);
            return command.Run(parsed, context);
        }
        catch (ModelGatesException e)
        {
            return OutcomePrinter.PrintFailure(name, e.Diagnostics, e.ExitCode, OutputFormats.Sniff(rest), stdout, stderr);
        }
        catch (DllNotFoundException e) when (e.Message.Contains("duckdb", StringComparison.OrdinalIgnoreCase))
        {
            var diagnostic = DiagnosticCatalog.EngineNativeLibraryMissing.Create(
                "DuckDB's native library could not be loaded. Run the engine from a build of ModelGates.Cli, or, inside the ModelGates.Build package, restore the project so that DuckDB.NET.Bindings.Full is in the NuGet packages folder (a different DuckDB.NET version referenced by the project can cause this).");
            return OutcomePrinter.PrintFailure(name, [diagnostic], ExitCodes.UsageError, OutputFormats.Sniff(rest), stdout, stderr);
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("MODELGATES_DEBUG") != "1")
        {
            // A bug of ours; never a stack trace for the user, but enough to report it.
            var diagnostic = DiagnosticCatalog.InternalError.Create(
                $"Internal error in '{name}': {e.GetType().Name}: {e.Message} Please report it; set MODELGATES_DEBUG=1 for the stack trace.");
            return OutcomePrinter.PrintFailure(name, [diagnostic], ExitCodes.UsageError, OutputFormats.Sniff(rest), stdout, stderr);
        }
    }

    private static (ICliCommand? Command, string[] Arguments) Find(string[] args)
    {
        foreach (var command in Commands)
        {
            var words = command.Name.Split(' ');
            if (args.Length >= words.Length && words.SequenceEqual(args.Take(words.Length), StringComparer.Ordinal))
            {
                return (command, args[words.Length..]);
            }
        }

        return (null, args[1..]);
    }

    private static string HelpText()
    {
        var text = new StringBuilder();
        text.Append("modelgates ").Append(ToolVersion.Text).Append(": data contracts, drift checks and model gates for .NET builds.\n\n");
        text.Append("Usage: modelgates <command> [options]\n\nCommands:\n");
        foreach (var command in Commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            text.Append("  ").Append(command.Name.PadRight(16)).Append(command.Summary).Append('\n');
        }

        text.Append("\nRun 'modelgates <command> --help' for a command's options.\n");
        text.Append("Exit codes: 0 passed, 1 a check failed, 2 usage or configuration error, 3 data could not be read.\n");
        text.Append("Documentation: docs/cli.md\n");
        return text.ToString();
    }

    private static string CommandHelp(ICliCommand command)
    {
        var text = new StringBuilder();
        text.Append(command.Summary).Append("\n\nUsage: ").Append(command.Usage).Append("\n\nOptions:\n");
        foreach (var option in command.Options)
        {
            var names = option.Alias is null ? $"--{option.Name}" : $"-{option.Alias}, --{option.Name}";
            text.Append("  ").Append(names.PadRight(Math.Max(24, names.Length + 2))).Append(option.Help).Append('\n');
        }

        return text.ToString();
    }
}
