using ModelGates.Cli.Arguments;
using ModelGates.Diagnostics;
using ModelGates.Reports;

namespace ModelGates.Cli.Commands;

/// <summary>
/// <c>--diagnostics-file</c> of <c>check</c> and <c>accept</c>: every diagnostic of the run, passed or failed,
/// tab-separated in a file the MSBuild task reads instead of parsing screen lines.
/// </summary>
internal static class DiagnosticsFileOption
{
    public const string Name = "diagnostics-file";

    public static OptionSpec Spec { get; } =
        new(Name, true, "<path>: also write every diagnostic there, tab-separated (what the MSBuild task reads)");

    /// <summary>Writes the file when the option was given.</summary>
    public static void Write(ParsedArguments args, IEnumerable<Diagnostic> diagnostics)
    {
        if (args.Value(Name) is { } path)
        {
            DiagnosticsFileWriter.Write(path, diagnostics);
        }
    }
}
