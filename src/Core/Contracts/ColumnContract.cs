using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>What a contract expects of one column. Every rule is optional; a rule left out is not checked.</summary>
public sealed record ColumnContract
{
    /// <summary>The column name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the column's declaration starts in the contract file.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>The value type; values that do not parse as it are violations (MG2004).</summary>
    public ValueType? Type { get; init; }

    /// <summary>A strptime format for date and timestamp values (default ISO 8601).</summary>
    public string? Format { get; init; }

    /// <summary>Whether the column must be present (default true; MG2002).</summary>
    public bool Required { get; init; } = true;

    /// <summary>Largest share of missing values allowed (MG2005).</summary>
    public double? MaxMissingShare { get; init; }

    /// <summary>Smallest value allowed (numbers; MG2006).</summary>
    public double? Min { get; init; }

    /// <summary>Largest value allowed (numbers; MG2006).</summary>
    public double? Max { get; init; }

    /// <summary>The allowed categories (MG2007).</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Largest share of values outside <see cref="AllowedValues"/> allowed (default 0).</summary>
    public double MaxUnknownShare { get; init; }

    /// <summary>A regular expression (RE2 syntax) every value must match in full (MG2008).</summary>
    public string? Pattern { get; init; }

    /// <summary>Shortest string length allowed (MG2009).</summary>
    public long? MinLength { get; init; }

    /// <summary>Longest string length allowed (MG2009).</summary>
    public long? MaxLength { get; init; }

    /// <summary>Whether values must be unique (MG2010).</summary>
    public bool Unique { get; init; }

    /// <summary>What the column may hold of personal data (<c>"pii"</c>), or null when the contract does not say (docs/privacy.md).</summary>
    public PiiPolicy? Pii { get; init; }

    /// <summary>Whether the column's values are sensitive (<c>"sensitive": true</c>): masked in every output, never shown raw.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Whether outputs must mask this column's values because the contract says so (any <c>"pii"</c>, or sensitive).</summary>
    internal bool MasksValues => Pii is not null || Sensitive;

    /// <summary>The severity of this column's violations (default error).</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>Where each rule key was written, so a violation points at its rule's line.</summary>
    public IReadOnlyDictionary<string, SourcePosition> RulePositions { get; init; } = new Dictionary<string, SourcePosition>();

    /// <summary>The position of a rule, falling back to the column's declaration.</summary>
    internal SourcePosition PositionOf(string rule) => RulePositions.TryGetValue(rule, out var p) ? p : Position;
}
