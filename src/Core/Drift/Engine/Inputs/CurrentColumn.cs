namespace ModelGates.Drift.Engine.Inputs;

/// <summary>What the engine read of one current column: the inputs its plan needs, and its counts.</summary>
internal sealed class CurrentColumn
{
    public required long Count { get; init; }

    public required long Missing { get; init; }

    /// <summary>Sorted non-missing values, when the plan compares values.</summary>
    public ReadOnlyMemory<double>? SortedValues { get; init; }

    /// <summary>
    /// With <see cref="SortedValues"/> from a pushed-down comparison: how many rows each value stands for (the
    /// engine's counts on and between the reference sketch's points; see <see cref="SqlCurrentData"/>).
    /// </summary>
    public ReadOnlyMemory<double>? Weights { get; init; }

    /// <summary>A pushed-down comparison: the most the effect of a CDF-integral distance can differ from the exact one (0 otherwise).</summary>
    public double ExtraEffectBound { get; init; }

    /// <summary>A streamed current's quantile sketch (with its extremes), when the plan compares values and the values were not held.</summary>
    public Profiles.Streaming.StreamedNumeric? Sketch { get; init; }

    /// <summary>Both sides beyond the memory limit: the plan's tests measured exactly inside DuckDB, and the bootstrap's points.</summary>
    public PooledMeasure? Pooled { get; init; }

    /// <summary>Counts over the reference's frozen bins, when the plan compares bins.</summary>
    public long[]? BinCounts { get; init; }

    /// <summary>Category counts, when the plan compares categories.</summary>
    public IReadOnlyDictionary<string, long>? Categories { get; init; }

    /// <summary>Numeric columns: values below the reference's minimum and above its maximum.</summary>
    public (long Below, long Above)? OutsideRange { get; init; }

    public long Rows => Count + Missing;
}
