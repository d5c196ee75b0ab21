namespace ModelGates.Drift;

/// <summary>
/// Counts of one side of a comparison over bins or categories. The reference and current vectors
/// given to a test must be aligned: position i counts the same bin or category on both sides.
/// </summary>
public sealed class CountVector : DriftSample
{
    private readonly long[] counts;

    /// <summary>Wraps the counts without copying them (the caller must not change the array afterwards).</summary>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public CountVector(long[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException($"Count {i} is {counts[i]}; counts cannot be negative.", nameof(counts));
            }

            total = checked(total + counts[i]);
        }

        this.counts = counts;
        Total = total;
    }

    /// <inheritdoc />
    public override DriftInputKind Kind => DriftInputKind.Counts;

    /// <inheritdoc />
    public override double Size => Total;

    /// <summary>The count of each bin or category.</summary>
    public ReadOnlySpan<long> Counts => counts;

    /// <summary>The number of bins or categories.</summary>
    public int Length => counts.Length;

    /// <summary>The sum of the counts.</summary>
    public long Total { get; }

    /// <summary>Convenience for literals: <c>CountVector.Of(3, 0, 7)</c>.</summary>
    public static CountVector Of(params long[] counts) => new(counts);
}
