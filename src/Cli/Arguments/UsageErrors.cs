using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Cli.Arguments;

/// <summary>
/// Turns the parse errors of System.CommandLine into the CLI's MG-coded usage diagnostics: an unknown
/// command MG0001, an unknown option (or an argument too many) MG0002 with a did-you-mean, a missing
/// value or argument MG0003, an option given twice MG0004. The messages are built from the parse, not
/// from the library's text, so they name the command and its usage.
/// </summary>
internal static class UsageErrors
{
    /// <summary>
    /// The usage diagnostics of a command line about to run a command or to fail parsing, or an empty list when it
    /// may run. Help, <c>--version</c> and completion requests run whatever else the line holds.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Of(ParseResult result, CommandTree tree, IReadOnlyList<string> missingResponseFiles)
    {
        var failed = result.Action is ParseErrorAction;
        if (!failed && result.Action != result.CommandResult.Command.Action)
        {
            return [];
        }

        if (missingResponseFiles.Count > 0)
        {
            return [.. missingResponseFiles.Select(f => DiagnosticCatalog.FileNotFound.Create(
                $"Response file '{f}' does not exist. An argument that starts with '@' names a response file; write a value that starts with '@' as --option=@value.") with { File = f })];
        }

        var diagnostics = tree.Find(result.CommandResult.Command) is { } node ? OfCommand(result, node) : OfRoot(result, tree);
        if (failed && diagnostics.Count == 0)
        {
            // A parse error this mapping does not know: still an error, in the library's words.
            diagnostics = [.. result.Errors.Select(e => DiagnosticCatalog.InvalidOptionValue.Create(e.Message))];
        }

        return diagnostics;
    }

    private static List<Diagnostic> OfRoot(ParseResult result, CommandTree tree)
    {
        var names = tree.Commands.Select(n => n.Cli.Name).Order(StringComparer.Ordinal).ToList();
        var word = result.Tokens.FirstOrDefault(t => t.Type != TokenType.Directive)?.Value;
        if (word is null)
        {
            return [DiagnosticCatalog.UnknownCommand.Create($"No command given. Commands: {string.Join(", ", names)}.")];
        }

        var suggestion = DidYouMean.Suggest(word, tree.Root.Subcommands.Select(c => c.Name));
        var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
        return [DiagnosticCatalog.UnknownCommand.Create($"Unknown command '{word}'.{hint} Commands: {string.Join(", ", names)}.")];
    }

    private static List<Diagnostic> OfCommand(ParseResult result, CommandTree.Node node)
    {
        var name = node.Cli.Name;
        var (strays, extras) = Unexpected(result, node);
        if (strays.Count > 0)
        {
            // What follows an unknown option (its value, the next arguments) is out of place because of it: say only what to fix.
            return [.. strays.Select(s => UnknownOption(s, node))];
        }

        var diagnostics = new List<Diagnostic>();
        var optionNames = OptionNames(node.Command);
        foreach (var spec in node.Cli.Options.Where(o => o.TakesValue))
        {
            // The library gives an option that needs a value the next word even when that is an option (--contract --format).
            if (result.GetResult(node.Options[spec.Name]) is { } given && given.Tokens.FirstOrDefault(t => optionNames.Contains(t.Value)) is { } swallowed)
            {
                diagnostics.Add(DiagnosticCatalog.MissingArgument.Create($"--{spec.Name} needs a value, not the option '{swallowed.Value}': {spec.Help}"));
            }
        }

        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option when node.Cli.Options.FirstOrDefault(o => "--" + o.Name == option.Option.Name) is { } spec:
                    if (option.Tokens.Any(t => optionNames.Contains(t.Value)))
                    {
                        break;
                    }

                    diagnostics.Add(option.Tokens.Count switch
                    {
                        0 => DiagnosticCatalog.MissingArgument.Create($"--{spec.Name} needs a value: {spec.Help}"),
                        > 1 when !spec.Repeatable => DiagnosticCatalog.InvalidOptionValue.Create($"--{spec.Name} is given more than once."),
                        _ => DiagnosticCatalog.InvalidOptionValue.Create($"--{spec.Name}: {error.Message}"),
                    });
                    break;
                case ArgumentResult argument when node.Cli.Arguments.FirstOrDefault(a => a.Name == argument.Argument.Name) is { } spec
                                                  && argument.Tokens.Count < spec.Minimum:
                    var count = spec.Minimum == 1 ? string.Empty : $"at least {spec.Minimum} of ";
                    diagnostics.Add(DiagnosticCatalog.MissingArgument.Create($"Missing {count}<{spec.Name}>: {spec.Help}. Usage: {node.Cli.Usage}"));
                    break;
            }
        }

        if (diagnostics.Count > 0)
        {
            // Arguments left over after an option without its value are a consequence of it.
            return diagnostics;
        }

        foreach (var extra in extras)
        {
            var takes = node.Cli.Arguments.Count == 0
                ? "it takes no arguments, only options"
                : "it takes " + string.Join(" ", node.Cli.Arguments.Select(a => a.Maximum == 1 ? $"<{a.Name}>" : $"<{a.Name}>..."));
            diagnostics.Add(DiagnosticCatalog.UnknownOption.Create(
                $"Unexpected argument '{extra}' for '{name}': {takes}. Usage: {node.Cli.Usage}"));
        }

        return diagnostics;
    }

    /// <summary>
    /// Words no option consumed: those that look like options (unknown options) and the others (arguments
    /// beyond what the command takes). An option-like word after <c>--</c> is an argument.
    /// </summary>
    private static (List<string> Strays, List<string> Extras) Unexpected(ParseResult result, CommandTree.Node node)
    {
        var consumed = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        var positional = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var option in node.Command.Options.Concat(Inherited(node.Command)))
        {
            consumed.UnionWith(result.GetResult(option)?.Tokens ?? []);
        }

        foreach (var argument in node.Arguments)
        {
            positional.UnionWith(result.GetResult(argument)?.Tokens ?? []);
        }

        var strays = new List<string>();
        var extras = new List<string>();
        var afterDoubleDash = false;
        foreach (var token in result.Tokens)
        {
            afterDoubleDash |= token.Type == TokenType.DoubleDash;
            if (token.Type != TokenType.Argument || consumed.Contains(token))
            {
                continue;
            }

            if (!afterDoubleDash && LooksLikeOption(token.Value))
            {
                strays.Add(token.Value);
            }
            else if (!positional.Contains(token))
            {
                extras.Add(token.Value);
            }
        }

        return (strays, extras);
    }

    /// <summary>The names and aliases of every option the command accepts, inherited ones included.</summary>
    private static HashSet<string> OptionNames(Command command) =>
        [.. command.Options.Concat(Inherited(command)).SelectMany(o => o.Aliases.Prepend(o.Name))];

    private static IEnumerable<Option> Inherited(Command command) =>
        command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive).Concat(Inherited(p)));

    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && !double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static Diagnostic UnknownOption(string word, CommandTree.Node node)
    {
        var suggestion = DidYouMean.Suggest(word.TrimStart('-').Split('=')[0], node.Cli.Options.Select(o => o.Name));
        var hint = suggestion is null ? $" Run 'modelgates {node.Cli.Name} --help' for its options." : $" Did you mean '--{suggestion}'?";
        return DiagnosticCatalog.UnknownOption.Create($"Unknown option '{word}' for '{node.Cli.Name}'.{hint}");
    }
}
