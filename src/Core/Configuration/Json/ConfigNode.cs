namespace ModelGates.Configuration.Json;

/// <summary>A 1-based line and character column in a source file.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based character column.</param>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>
/// A JSON value that remembers where it was written, so that a problem with it can be reported
/// at its line and column (the IDE error list and CI annotations land there).
/// </summary>
public abstract class ConfigNode
{
    private protected ConfigNode(SourcePosition position) => Position = position;

    /// <summary>Where the value starts in its file.</summary>
    internal SourcePosition Position { get; }

    /// <summary>The JSON type name of this value as the schema spells it (object, array, string, number, boolean, null).</summary>
    public abstract string TypeName { get; }
}

/// <summary>A JSON object; property order is kept as written.</summary>
public sealed class ConfigObject : ConfigNode
{
    internal ConfigObject(SourcePosition position, IReadOnlyList<ConfigProperty> properties)
        : base(position) => Properties = properties;

    /// <summary>The properties in the order they were written.</summary>
    internal IReadOnlyList<ConfigProperty> Properties { get; }

    /// <inheritdoc />
    public override string TypeName => "object";

    /// <summary>The property of that name (ordinal comparison), or null.</summary>
    internal ConfigProperty? Find(string name) =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

/// <summary>One <c>"name": value</c> pair of an object.</summary>
/// <param name="Name">The key.</param>
/// <param name="NamePosition">Where the key is written.</param>
/// <param name="Value">The value.</param>
internal sealed record ConfigProperty(string Name, SourcePosition NamePosition, ConfigNode Value);

/// <summary>A JSON array.</summary>
internal sealed class ConfigArray : ConfigNode
{
    internal ConfigArray(SourcePosition position, IReadOnlyList<ConfigNode> items)
        : base(position) => Items = items;

    /// <summary>The items in order.</summary>
    public IReadOnlyList<ConfigNode> Items { get; }

    /// <inheritdoc />
    public override string TypeName => "array";
}

/// <summary>A JSON string.</summary>
internal sealed class ConfigString : ConfigNode
{
    internal ConfigString(SourcePosition position, string value) : base(position) => Value = value;

    /// <summary>The decoded string.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string TypeName => "string";
}

/// <summary>A JSON number.</summary>
internal sealed class ConfigNumber : ConfigNode
{
    internal ConfigNumber(SourcePosition position, double value, bool isInteger) : base(position)
    {
        Value = value;
        IsInteger = isInteger;
    }

    /// <summary>The value as a double.</summary>
    public double Value { get; }

    /// <summary>True when the literal was written without fraction or exponent.</summary>
    public bool IsInteger { get; }

    /// <inheritdoc />
    public override string TypeName => "number";
}

/// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
internal sealed class ConfigBoolean : ConfigNode
{
    internal ConfigBoolean(SourcePosition position, bool value) : base(position) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override string TypeName => "boolean";
}

/// <summary>A JSON <c>null</c>.</summary>
internal sealed class ConfigNull : ConfigNode
{
    internal ConfigNull(SourcePosition position) : base(position)
    {
    }

    /// <inheritdoc />
    public override string TypeName => "null";
}
