using System.Text;
using ModelGates.Diagnostics;
using ModelGates.Reports;

namespace ModelGates.Cli.Output;

/// <summary>Prints a <see cref="CheckOutcome"/> (or bare diagnostics of a failed run) in the chosen format.</summary>
internal static class OutcomePrinter
{
    public static int Print(CheckOutcome outcome, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.Write(Encoding.UTF8.GetString(ResultJson.Build(outcome.Command, outcome.Passed, outcome.Diagnostics, outcome.JsonBody)));
                break;
            case OutputFormat.MsBuild:
                foreach (var d in outcome.Diagnostics)
                {
                    output.WriteLine(DiagnosticFormatter.ToMsBuild(d));
                }

                break;
            case OutputFormat.Markdown when outcome.MarkdownBody is not null:
                outcome.MarkdownBody(output);
                break;
            default:
                outcome.TextBody?.Invoke(output);
                foreach (var d in outcome.Diagnostics)
                {
                    output.WriteLine(DiagnosticFormatter.ToText(d));
                }

                output.WriteLine(Summary(outcome));
                break;
        }

        return outcome.ExitCode;
    }

    /// <summary>Prints the diagnostics of a run that stopped early and returns its exit code.</summary>
    public static int PrintFailure(string command, IReadOnlyList<Diagnostic> diagnostics, int exitCode, OutputFormat format, TextWriter output, TextWriter error)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.Write(Encoding.UTF8.GetString(ResultJson.Build(command, false, diagnostics)));
                break;
            case OutputFormat.MsBuild:
                foreach (var d in diagnostics)
                {
                    output.WriteLine(DiagnosticFormatter.ToMsBuild(d));
                }

                break;
            default:
                foreach (var d in diagnostics)
                {
                    error.WriteLine(DiagnosticFormatter.ToText(d));
                }

                break;
        }

        return exitCode;
    }

    private static string Summary(CheckOutcome outcome)
    {
        var errors = outcome.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = outcome.Diagnostics.Count(d => d.Severity == Severity.Warning);
        return outcome.Passed
            ? $"PASSED ({warnings} warning(s))"
            : $"FAILED ({errors} error(s), {warnings} warning(s))";
    }
}
