using ModelGates.Diagnostics;

namespace ModelGates.Cli.Arguments;

/// <summary>The positional arguments and option values of one invocation.</summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> options;

    public ParsedArguments(IReadOnlyList<string> positionals, Dictionary<string, List<string>> options)
    {
        Positionals = positionals;
        this.options = options;
    }

    public IReadOnlyList<string> Positionals { get; }

    public bool Has(string name) => options.ContainsKey(name);

    public string? Value(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Values(string name) => options.TryGetValue(name, out var values) ? values : [];

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

        if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
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

        if (!long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < min)
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create(
                $"--{name} must be a whole number{(min > long.MinValue ? $" of at least {min}" : string.Empty)}, not '{value}'."));
        }

        return number;
    }
}
