using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Cli.Arguments;

/// <summary>
/// The positional arguments and option values of one invocation, read by option name from
/// System.CommandLine's <see cref="ParseResult"/>. The typed readers turn a bad value into the
/// command's MG-coded usage error.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly ParseResult result;
    private readonly CommandTree.Node node;

    public ParsedArguments(ParseResult result, CommandTree.Node node)
    {
        this.result = result;
        this.node = node;
        Positionals = [.. node.Arguments.SelectMany(a => result.GetResult(a)?.Tokens ?? []).Select(t => t.Value)];
    }

    /// <summary>The positional arguments in the order given.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>True when the option was given (a flag: given and not <c>false</c>).</summary>
    public bool Has(string name) => Given(name) is { } given && (given.Option is not Option<bool> || given.GetValueOrDefault<bool>());

    /// <summary>The option's value (the last one of a repeatable option), or null when it was not given.</summary>
    public string? Value(string name) =>
        Given(name) is { } given
            ? given.Option is Option<bool> ? (given.GetValueOrDefault<bool>() ? "true" : null) : given.Tokens[^1].Value
            : null;

    /// <summary>Every value of the option, in the order given; a flag that is set has the one value <c>true</c>.</summary>
    public IReadOnlyList<string> Values(string name) => Given(name) switch
    {
        { Option: Option<bool> } flag => flag.GetValueOrDefault<bool>() ? ["true"] : [],
        { } given => [.. given.Tokens.Select(t => t.Value)],
        null => [],
    };

    /// <summary>The value of a required option, or an MG0003 usage error.</summary>
    public string Required(string name, string usage) =>
        Value(name) ?? throw new ConfigurationException(DiagnosticCatalog.MissingArgument.Create($"Missing --{name}. Usage: {usage}"));

    /// <summary>The positional argument at <paramref name="index"/>, or an MG0003 usage error.</summary>
    public string Positional(int index, string what, string usage) =>
        index < Positionals.Count
            ? Positionals[index]
            : throw new ConfigurationException(DiagnosticCatalog.MissingArgument.Create($"Missing {what}. Usage: {usage}"));

    /// <summary>An option whose value must be one of <paramref name="allowed"/>.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = Value(name) ?? fallback;
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create(
                $"--{name} must be one of {string.Join(", ", allowed)}, not '{value}'."));
        }

        return value;
    }

    /// <summary>A numeric option, invariant culture.</summary>
    public double? Number(string name)
    {
        var value = Value(name);
        if (value is null)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--{name} must be a number, not '{value}'."));
        }

        return number;
    }

    /// <summary>A whole-number option.</summary>
    public long? Integer(string name, long min = long.MinValue)
    {
        var value = Value(name);
        if (value is null)
        {
            return null;
        }

        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min)
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create(
                $"--{name} must be a whole number{(min > long.MinValue ? $" of at least {min}" : string.Empty)}, not '{value}'."));
        }

        return number;
    }

    /// <summary>The option's result when it was given on the command line (not a default).</summary>
    private OptionResult? Given(string name)
    {
        // Reading an option the command does not declare is a bug of ours (a renamed option, say), never a silent null.
        if (!node.Options.TryGetValue(name, out var option))
        {
            throw new InvalidOperationException($"'{node.Cli.Name}' reads --{name}, which it does not declare.");
        }

        return result.GetResult(option) is { Implicit: false } given ? given : null;
    }
}
