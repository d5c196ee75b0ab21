using System.CommandLine;
using System.CommandLine.Help;
using ModelGates.Cli.Commands;

namespace ModelGates.Cli.Arguments;

/// <summary>
/// The System.CommandLine command tree of the CLI, built from each command's declared options and
/// arguments: a command named <c>profile merge</c> becomes the subcommand <c>merge</c> of <c>profile</c>.
/// The library parses, expands response files, writes help and answers completion requests.
/// </summary>
internal sealed class CommandTree
{
    private readonly Dictionary<Command, Node> nodes = [];

    private CommandTree(string description)
    {
        Root = new RootCommand(description);
        Root.Options.Remove(Root.Options.OfType<VersionOption>().Single());
        Root.Options.Add(ToolVersionOption.Create());
        Root.Options.OfType<HelpOption>().Single().Action = new HelpWithExample(this);
        QuietCompletions.Apply(Root);
    }

    /// <summary>The root command (<c>modelgates</c>).</summary>
    public RootCommand Root { get; }

    /// <summary>Every command, in the order declared.</summary>
    public IEnumerable<Node> Commands => nodes.Values;

    /// <summary>Builds the tree; each command's action hands its parsed arguments to <paramref name="run"/>.</summary>
    public static CommandTree Build(string description, IReadOnlyList<ICliCommand> commands, Func<ICliCommand, ParsedArguments, int> run)
    {
        var tree = new CommandTree(description);
        var byName = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var cli in commands.OrderBy(c => c.Name.Count(ch => ch == ' ')))
        {
            var words = cli.Name.Split(' ');
            Command parent = words.Length == 1 ? tree.Root : byName[string.Join(' ', words[..^1])];
            var command = new Command(words[^1], cli.Summary);
            var node = new Node(cli, command, cli.Options.ToDictionary(o => o.Name, ToOption, StringComparer.Ordinal), [.. cli.Arguments.Select(ToArgument)]);
            foreach (var argument in node.Arguments)
            {
                command.Arguments.Add(argument);
            }

            foreach (var option in node.Options.Values)
            {
                command.Options.Add(option);
            }

            command.SetAction(result => run(cli, new ParsedArguments(result, node)));
            parent.Subcommands.Add(command);
            byName[cli.Name] = command;
            tree.nodes[command] = node;
        }

        return tree;
    }

    /// <summary>The declared command behind a parsed command, or null for the root.</summary>
    public Node? Find(Command command) => nodes.GetValueOrDefault(command);

    private static Option ToOption(OptionSpec spec)
    {
        string[] aliases = spec.Alias is null ? [] : ["-" + spec.Alias];
        Option option = spec switch
        {
            // A flag also takes an explicit true or false (--flag=false), as System.CommandLine's flags do.
            { TakesValue: false } => new Option<bool>("--" + spec.Name, aliases),
            { Repeatable: true } => new Option<string[]>("--" + spec.Name, aliases) { Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false },
            _ => new Option<string>("--" + spec.Name, aliases) { Arity = ArgumentArity.ExactlyOne },
        };
        option.Description = spec.Description;
        if (spec.Shape is { } shape)
        {
            // Help writes the name in angle brackets itself.
            option.HelpName = shape.StartsWith('<') && shape.EndsWith('>') ? shape[1..^1] : shape;
        }

        if (spec.Choices.Count > 0)
        {
            option.CompletionSources.Add([.. spec.Choices]);
        }

        return option;
    }

    private static Argument ToArgument(ArgumentSpec spec)
    {
        Argument argument = spec.Maximum == 1 ? new Argument<string>(spec.Name) : new Argument<string[]>(spec.Name);
        argument.Arity = new ArgumentArity(spec.Minimum, spec.Maximum);
        argument.Description = spec.Help;
        return argument;
    }

    /// <summary>One command: its declaration and the library's symbols for it.</summary>
    /// <param name="Cli">The declared command.</param>
    /// <param name="Command">The library's command.</param>
    /// <param name="Options">The library's options by declared name (<c>contract</c>).</param>
    /// <param name="Arguments">The library's positional arguments, in order.</param>
    internal sealed record Node(ICliCommand Cli, Command Command, IReadOnlyDictionary<string, Option> Options, IReadOnlyList<Argument> Arguments);
}
