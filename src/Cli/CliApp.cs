using ModelGates.Diagnostics;

namespace ModelGates.Cli;

/// <summary>The entry point: dispatches to a command and turns every failure into a diagnostic and an exit code.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Usage.Text);
            return args.Length == 0 ? ExitCodes.UsageError : ExitCodes.Passed;
        }

        if (args[0] is "--version")
        {
            stdout.WriteLine(ToolVersion.Text);
            return ExitCodes.Passed;
        }

        stderr.WriteLine($"error {DiagnosticCatalog.UnknownCommand.Code}: Unknown command '{args[0]}'. Run 'modelgates --help' for the list of commands.");
        return ExitCodes.UsageError;
    }
}
