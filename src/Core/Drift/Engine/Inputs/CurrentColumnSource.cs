using ModelGates.Data;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Statistics;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// A current column before its values are read: its type and counts, and how to read what a plan needs
/// (SQL over a loaded table, or arrays already in memory).
/// </summary>
internal sealed class CurrentColumnSource
{
    public required string SqlType { get; init; }

    public required ColumnKind TypeKind { get; init; }

    /// <summary>Non-missing values.</summary>
    public required long Count { get; init; }

    /// <summary>Rows of the current data.</summary>
    public required long Rows { get; init; }

    /// <summary>Reads the inputs of a plan.</summary>
    public required Func<DriftPlan, ReferenceColumn, CurrentColumn> Read { get; init; }

    /// <summary>The inputs of a plan from sorted values in memory: values, bin counts, outside-range counts.</summary>
    public static CurrentColumn FromSorted(ReadOnlyMemory<double> sortedValues, long rows, DriftPlan plan, ReferenceColumn reference)
    {
        var sorted = sortedValues.Span;
        var below = reference.Count > 0 ? SortedValues.FirstAtOrAbove(sorted, reference.Min) : 0;
        var above = reference.Count > 0 ? sorted.Length - SortedValues.PastAtOrBelow(sorted, reference.Max) : 0;
        return new CurrentColumn
        {
            Count = sorted.Length,
            Missing = rows - sorted.Length,
            SortedValues = plan.Input == Results.DriftInputShape.Values ? sortedValues : null,
            BinCounts = plan.Input == Results.DriftInputShape.Bins ? SortedValues.BinCounts(sorted, reference.Bins!.Edges) : null,
            OutsideRange = reference.Count > 0 ? (below, above) : null,
        };
    }
}
