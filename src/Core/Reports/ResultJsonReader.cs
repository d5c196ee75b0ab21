using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Reports;

/// <summary>
/// Typed, strict reading of a JSON result with positions: the first value that is missing or of the wrong type
/// stops the read with MG0018 at its line and column. Used only by the inverse of each result writer
/// (<see cref="GateReportJson.Read(string, string)"/>), which keeps every property name next to the code that writes it.
/// </summary>
internal sealed class ResultJsonReader(string file)
{
    private const double MaxExactInteger = 1L << 53;

    /// <summary>The file name used in diagnostics.</summary>
    public string File { get; } = file;

    /// <summary>Stops the read with MG0018 at <paramref name="node"/>.</summary>
    public ConfigurationException Invalid(ConfigNode node, string message) =>
        new(DiagnosticCatalog.InvalidResultFile.Create($"'{File}' is not a result this tool can read: {message}") with
        {
            File = File,
            Line = node.Position.Line,
            SourceColumn = node.Position.Column,
        });

    /// <summary>The node as an object.</summary>
    public ConfigObject Object(ConfigNode node, string what) =>
        node as ConfigObject ?? throw Invalid(node, $"{what} must be an object, not {node.TypeName}.");

    /// <summary>A required object property.</summary>
    public ConfigObject Object(ConfigObject obj, string key) => Object(Required(obj, key), $"'{key}'");

    /// <summary>An object property, or null when it is absent or null.</summary>
    public ConfigObject? OptionalObject(ConfigObject obj, string key) =>
        Optional(obj, key) is { } node ? Object(node, $"'{key}'") : null;

    /// <summary>A required array property.</summary>
    public IReadOnlyList<ConfigNode> Array(ConfigObject obj, string key) => Array(Required(obj, key), $"'{key}'");

    /// <summary>An array property, or null when it is absent or null.</summary>
    public IReadOnlyList<ConfigNode>? OptionalArray(ConfigObject obj, string key) =>
        Optional(obj, key) is { } node ? Array(node, $"'{key}'") : null;

    /// <summary>The node as an array.</summary>
    public IReadOnlyList<ConfigNode> Array(ConfigNode node, string what) =>
        (node as ConfigArray)?.Items ?? throw Invalid(node, $"{what} must be an array, not {node.TypeName}.");

    /// <summary>A required string property.</summary>
    public string String(ConfigObject obj, string key) => String(Required(obj, key), $"'{key}'");

    /// <summary>The node as a string.</summary>
    public string String(ConfigNode node, string what) =>
        (node as ConfigString)?.Value ?? throw Invalid(node, $"{what} must be a string, not {node.TypeName}.");

    /// <summary>A string property, or null when it is absent or null.</summary>
    public string? OptionalString(ConfigObject obj, string key) =>
        Optional(obj, key) is { } node ? String(node, $"'{key}'") : null;

    /// <summary>A required boolean property.</summary>
    public bool Boolean(ConfigObject obj, string key)
    {
        var node = Required(obj, key);
        return (node as ConfigBoolean)?.Value ?? throw Invalid(node, $"'{key}' must be true or false, not {node.TypeName}.");
    }

    /// <summary>A number property that the writer writes as null when it is not finite: absent is an error, null is NaN.</summary>
    public double Number(ConfigObject obj, string key) => Number(Required(obj, key), $"'{key}'");

    /// <summary>A number, or NaN for null (the writer writes NaN and infinities as null).</summary>
    public double Number(ConfigNode node, string what) => node switch
    {
        ConfigNumber n => n.Value,
        ConfigNull => double.NaN,
        _ => throw Invalid(node, $"{what} must be a number or null, not {node.TypeName}."),
    };

    /// <summary>A number property, or null when it is absent or null.</summary>
    public double? OptionalNumber(ConfigObject obj, string key) =>
        Optional(obj, key) is { } node ? Number(node, $"'{key}'") : null;

    /// <summary>A required whole-number property.</summary>
    public long Integer(ConfigObject obj, string key) => Integer(Required(obj, key), $"'{key}'");

    /// <summary>A whole-number property, or null when it is absent or null.</summary>
    public long? OptionalInteger(ConfigObject obj, string key) =>
        Optional(obj, key) is { } node ? Integer(node, $"'{key}'") : null;

    /// <summary>A required whole number that fits an <see cref="int"/>.</summary>
    public int Int32(ConfigObject obj, string key)
    {
        var value = Integer(obj, key);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Invalid(obj.Find(key)!.Value, $"'{key}' is out of range.");
    }

    /// <summary>A whole number that fits an <see cref="int"/>, or null when it is absent or null.</summary>
    public int? OptionalInt32(ConfigObject obj, string key)
    {
        var value = OptionalInteger(obj, key);
        return value is null or (>= int.MinValue and <= int.MaxValue) ? (int?)value : throw Invalid(obj.Find(key)!.Value, $"'{key}' is out of range.");
    }

    /// <summary>The node as an array of exactly <paramref name="count"/> numbers (null items are NaN).</summary>
    public double[] Numbers(ConfigNode node, int count, string what)
    {
        var items = Array(node, what);
        return items.Count == count
            ? items.Select(i => Number(i, what)).ToArray()
            : throw Invalid(node, $"{what} must hold {count} numbers, not {items.Count}.");
    }

    /// <summary>A <c>[lower, upper]</c> property, or null when it is absent or null.</summary>
    public Gates.IntervalBounds? OptionalInterval(ConfigObject obj, string key) =>
        Optional(obj, key) is { } node && Numbers(node, 2, $"'{key}'") is var ends ? new Gates.IntervalBounds(ends[0], ends[1]) : null;

    /// <summary>A measured value or bound: a number, a string, or null (absent or null).</summary>
    public Scalar? Measurement(ConfigObject obj, string key) => Optional(obj, key) switch
    {
        null => (Scalar?)null,
        ConfigNumber n => Scalar.Of(n.Value),
        ConfigString s => Scalar.Of(s.Value),
        var node => throw Invalid(node, $"'{key}' must be a number, a string or null, not {node.TypeName}."),
    };

    /// <summary>A required string property that names a value of <typeparamref name="T"/> by the text the writer uses for it.</summary>
    public T Choice<T>(ConfigObject obj, string key, Func<T, string> text)
        where T : struct, Enum
    {
        var node = Required(obj, key);
        var value = String(node, $"'{key}'");
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(text(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        var names = string.Join(", ", Enum.GetValues<T>().Select(text).Distinct(StringComparer.Ordinal));
        throw Invalid(node, $"'{key}' must be one of {names}, not '{value}'.");
    }

    /// <summary>A required UTC time written in <paramref name="format"/>.</summary>
    public DateTimeOffset Time(ConfigObject obj, string key, string format)
    {
        var node = Required(obj, key);
        var text = String(node, $"'{key}'");
        return DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw Invalid(node, $"'{key}' must be a UTC time written as {format}, not '{text}'.");
    }

    /// <summary>The value of a property that must be present (it may be null).</summary>
    public ConfigNode Required(ConfigObject obj, string key) =>
        obj.Find(key)?.Value ?? throw Invalid(obj, $"the object has no '{key}'.");

    /// <summary>The value of a property, or null when it is absent or null.</summary>
    public static ConfigNode? Optional(ConfigObject obj, string key) =>
        obj.Find(key)?.Value is { } node and not ConfigNull ? node : null;

    private long Integer(ConfigNode node, string what) => node switch
    {
        // Whole numbers beyond 2^53 do not survive the parser's double; no count the writer writes comes near.
        ConfigNumber { IsInteger: true } n when Math.Abs(n.Value) <= MaxExactInteger => (long)n.Value,
        ConfigNumber { IsInteger: true } => throw Invalid(node, $"{what} is out of range."),
        ConfigNumber => throw Invalid(node, $"{what} must be a whole number, not a number with a fraction or an exponent."),
        _ => throw Invalid(node, $"{what} must be a whole number, not {node.TypeName}."),
    };
}
