using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Cli.Arguments;

/// <summary>
/// Parses <c>--name value</c>, <c>--name=value</c>, <c>-o value</c> and flags against a command's
/// option list. Unknown options are usage errors with a did-you-mean, never silently ignored.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, string command)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            var (name, inline) = Split(arg);
            var spec = specs.FirstOrDefault(s => arg.StartsWith("--", StringComparison.Ordinal) ? s.Name == name : s.Alias == name)
                ?? throw Unknown(arg, name, specs, command);
            string value;
            if (!spec.TakesValue)
            {
                if (inline is not null)
                {
                    throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--{spec.Name} is a flag and takes no value."));
                }

                value = "true";
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new ConfigurationException(DiagnosticCatalog.MissingArgument.Create($"--{spec.Name} needs a value: {spec.Help}"));
            }

            if (!options.TryGetValue(spec.Name, out var list))
            {
                options[spec.Name] = list = [];
            }
            else if (!spec.Repeatable)
            {
                throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--{spec.Name} is given more than once."));
            }

            list.Add(value);
        }

        return new ParsedArguments(positionals, options);
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var body = arg.TrimStart('-');
        var eq = body.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (body, null) : (body[..eq], body[(eq + 1)..]);
    }

    private static ConfigurationException Unknown(string arg, string name, IReadOnlyList<OptionSpec> specs, string command)
    {
        var suggestion = DidYouMean.Suggest(name, specs.Select(s => s.Name));
        var hint = suggestion is null ? $" Run 'modelgates {command} --help' for its options." : $" Did you mean '--{suggestion}'?";
        return new ConfigurationException(DiagnosticCatalog.UnknownOption.Create($"Unknown option '{arg}' for '{command}'.{hint}"));
    }
}
