using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Configuration.Options;

/// <summary>
/// Reads an option's value as written on the command line or in JSON. A value of the wrong shape is reported
/// by each front end in its own way (MG0004 on the command line, MG0013 or MG0015 in a file) with the
/// <c>expected</c> text these methods give; whether a well-formed value is in range is each option's check.
/// </summary>
internal static class OptionValues
{
    /// <summary>What a value of <paramref name="type"/> looks like, for messages: <c>a number</c>, <c>one of a, b</c>.</summary>
    public static string Expected(OptionType type, IReadOnlyList<string> choices, long minimum = long.MinValue) => type switch
    {
        OptionType.Number => "a number",
        OptionType.WholeNumber when minimum > long.MinValue => $"a whole number of at least {minimum.ToString(CultureInfo.InvariantCulture)}",
        OptionType.WholeNumber => "a whole number",
        OptionType.Choice => $"one of {string.Join(", ", choices)}",
        OptionType.List => "a list of names",
        OptionType.Flag => "true or false",
        OptionType.Label => "a label value (a string, number or boolean)",
        _ => "a string",
    };

    /// <summary>Reads a command-line value; false when it has the wrong shape.</summary>
    /// <returns>The value: string, double, long, string list, bool (always true for a flag's presence).</returns>
    public static bool TryReadText(OptionType type, IReadOnlyList<string> choices, long minimum, string text, out object? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        switch (type)
        {
            case OptionType.Number:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    value = number;
                }

                break;
            case OptionType.WholeNumber:
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) && whole >= minimum)
                {
                    value = whole;
                }

                break;
            case OptionType.Choice:
                if (choices.Contains(text, StringComparer.Ordinal))
                {
                    value = text;
                }

                break;
            case OptionType.List:
                value = (IReadOnlyList<string>)text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                break;
            case OptionType.Flag:
                value = true;
                break;
            default:
                value = text;
                break;
        }

        return value is not null;
    }

    /// <summary>Reads a JSON value; on failure says whether the JSON type is wrong (MG0013) or the value is not allowed (MG0015).</summary>
    public static JsonOptionRead TryReadJson(OptionType type, IReadOnlyList<string> choices, long minimum, ConfigNode node, out object? value)
    {
        ArgumentNullException.ThrowIfNull(node);
        value = null;
        switch (type, node)
        {
            case (OptionType.Number, ConfigNumber n):
                value = n.Value;
                return JsonOptionRead.Read;
            case (OptionType.WholeNumber, ConfigNumber n) when n.IsInteger && Math.Abs(n.Value) <= 9e15:
                if (n.Value < minimum)
                {
                    return JsonOptionRead.NotAllowed;
                }

                value = (long)n.Value;
                return JsonOptionRead.Read;
            case (OptionType.Choice, ConfigString s):
                if (!choices.Contains(s.Value, StringComparer.Ordinal))
                {
                    return JsonOptionRead.NotAllowed;
                }

                value = s.Value;
                return JsonOptionRead.Read;
            case (OptionType.List, ConfigArray a) when a.Items.All(i => i is ConfigString):
                value = (IReadOnlyList<string>)[.. a.Items.Cast<ConfigString>().Select(i => i.Value)];
                return JsonOptionRead.Read;
            case (OptionType.Flag, ConfigBoolean b):
                value = b.Value;
                return JsonOptionRead.Read;
            case (OptionType.Label, ConfigString s):
                value = s.Value;
                return JsonOptionRead.Read;
            case (OptionType.Label, ConfigBoolean b):
                value = b.Value ? "true" : "false";
                return JsonOptionRead.Read;
            case (OptionType.Label, ConfigNumber n):
                value = Scalar.Format(n.Value);
                return JsonOptionRead.Read;
            case (OptionType.Text, ConfigString s):
                value = s.Value;
                return JsonOptionRead.Read;
            default:
                return JsonOptionRead.WrongType;
        }
    }

    /// <summary>The JSON Schema type of a value of <paramref name="type"/> (a test compares it with the schema).</summary>
    public static IReadOnlyList<string> SchemaTypes(OptionType type) => type switch
    {
        OptionType.Number => ["number"],
        OptionType.WholeNumber => ["integer"],
        OptionType.List => ["array"],
        OptionType.Flag => ["boolean"],
        OptionType.Label => ["string", "number", "boolean"],
        _ => ["string"],
    };
}

/// <summary>How reading a JSON option value went.</summary>
internal enum JsonOptionRead
{
    /// <summary>The value was read.</summary>
    Read,

    /// <summary>The JSON value has the wrong type (MG0013).</summary>
    WrongType,

    /// <summary>The JSON type is right but the value is not one the option allows (MG0015).</summary>
    NotAllowed,
}
