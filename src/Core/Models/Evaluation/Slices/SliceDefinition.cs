using ModelGates.Configuration.Json;
using ModelGates.Models.Evaluation.Thresholds;

namespace ModelGates.Models.Evaluation.Slices;

/// <summary>
/// A group of slices: one slice per value of a column (<c>Home=owner</c>, <c>Home=rent</c>, ...), or named SQL
/// predicates over the evaluation data (DuckDB). Gaps are measured across the slices of one group.
/// </summary>
public sealed record SliceDefinition
{
    /// <summary>The group's name: the column for a column slice, the declared name otherwise.</summary>
    public required string Group { get; init; }

    /// <summary>The column whose values make the slices, or null for predicate slices.</summary>
    public string? Column { get; init; }

    /// <summary>Named SQL predicates, in declaration order; empty for a column slice.</summary>
    public IReadOnlyList<SlicePredicate> Predicates { get; init; } = [];

    /// <summary>Bounds on every slice of the group (min, max) and on the gap across it (maxGap).</summary>
    public IReadOnlyList<MetricThreshold> Thresholds { get; init; } = [];

    /// <summary>Where the definition is written, when it comes from a config.</summary>
    public SourcePosition? Position { get; init; }

    /// <summary>A slice per value of <paramref name="column"/>.</summary>
    public static SliceDefinition ByColumn(string column) => new() { Group = column, Column = column };
}

/// <summary>One named SQL predicate slice.</summary>
/// <param name="Name">The slice's name (unique across the evaluation).</param>
/// <param name="Sql">A DuckDB boolean expression over the evaluation data's columns; a NULL result is outside the slice.</param>
public sealed record SlicePredicate(string Name, string Sql)
{
    /// <summary>Where the predicate is written, when it comes from a config.</summary>
    public SourcePosition? Position { get; init; }
}
