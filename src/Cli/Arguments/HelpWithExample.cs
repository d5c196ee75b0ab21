using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ModelGates.Cli.Arguments;

/// <summary>
/// The library's help, followed by the command's example (a command line that works on the sample data
/// of the repository) or, for <c>modelgates --help</c>, the exit codes and where the documentation is.
/// </summary>
internal sealed class HelpWithExample(CommandTree tree) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;

        // The library's usage line repeats the arguments of the parent commands ("profile <data> merge ..."),
        // which a subcommand does not take.
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var argument in parent.Arguments)
            {
                argument.Hidden = true;
            }
        }

        var exit = new HelpAction().Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        if (tree.Find(command) is { } node)
        {
            output.WriteLine("Example:");
            foreach (var line in node.Cli.Example.Split('\n'))
            {
                output.WriteLine("  " + line);
            }
        }
        else
        {
            output.WriteLine("Run 'modelgates <command> --help' for a command's arguments, options and an example; examples use the");
            output.WriteLine("sample data in samples/ of the ModelGates repository. Arguments can also be read from a file: @args.rsp.");
            output.WriteLine("Exit codes: 0 passed, 1 a check failed, 2 usage or configuration error, 3 data could not be read.");
            output.WriteLine("Documentation: docs/cli.md");
        }

        output.WriteLine();
        return exit;
    }
}
