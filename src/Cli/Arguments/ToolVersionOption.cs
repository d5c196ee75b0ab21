using System.CommandLine;
using System.CommandLine.Invocation;

namespace ModelGates.Cli.Arguments;

/// <summary>
/// <c>--version</c> on every command (<c>modelgates drift --version</c> too): prints the tool's version and
/// runs nothing, whatever else the command line holds, as <c>--help</c> does.
/// </summary>
internal static class ToolVersionOption
{
    public static Option Create() => new Option<bool>("--version")
    {
        Description = "Show the tool's version and exit",
        Arity = ArgumentArity.Zero,
        Recursive = true,
        Action = new PrintVersion(),
    };

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ToolVersion.Text);
            return 0;
        }
    }
}
