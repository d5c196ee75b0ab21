namespace ModelGates.Drift.Engine.Inputs;

/// <summary>What the engine read of one current column: the inputs its plan needs, and its counts.</summary>
internal sealed class CurrentColumn
{
    public required long Count { get; init; }

    public required long Missing { get; init; }

    /// <summary>Sorted non-missing values, when the plan compares values.</summary>
    public ReadOnlyMemory<double>? SortedValues { get; init; }

    /// <summary>A streamed current's quantile sketch (with its extremes), when the plan compares values and the values were not held.</summary>
    public Profiles.Streaming.StreamedNumeric? Sketch { get; init; }

    /// <summary>Counts over the reference's frozen bins, when the plan compares bins.</summary>
    public long[]? BinCounts { get; init; }

    /// <summary>Category counts, when the plan compares categories.</summary>
    public IReadOnlyDictionary<string, long>? Categories { get; init; }

    /// <summary>Numeric columns: values below the reference's minimum and above its maximum.</summary>
    public (long Below, long Above)? OutsideRange { get; init; }

    public long Rows => Count + Missing;
}
