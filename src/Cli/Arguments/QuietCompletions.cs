using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;

namespace ModelGates.Cli.Arguments;

/// <summary>
/// The library's <c>[suggest]</c> directive, which <c>dotnet-suggest</c> calls on every Tab. A request the
/// library cannot answer (a malformed position, a line it cannot place the cursor in) completes nothing
/// instead of printing an exception into the shell.
/// </summary>
internal static class QuietCompletions
{
    public static void Apply(RootCommand root)
    {
        var suggest = root.Directives.OfType<SuggestDirective>().Single();
        suggest.Action = new Quiet((SynchronousCommandLineAction)suggest.Action!);
    }

    private sealed class Quiet(SynchronousCommandLineAction completions) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            try
            {
                return completions.Invoke(parseResult);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
            {
                return 0;
            }
        }
    }
}
