namespace ModelGates.Profiles;

/// <summary>
/// Count, mean and sum of squared deviations of a numeric column: enough for mean and variance,
/// and mergeable exactly (Chan, Golub and LeVeque's pairwise update), so profiles of partitions
/// combine into the profile of the whole.
/// </summary>
/// <param name="Count">Number of values.</param>
/// <param name="Mean">Their mean (0 when <paramref name="Count"/> is 0).</param>
/// <param name="M2">Sum of squared deviations from the mean.</param>
public sealed record Moments(long Count, double Mean, double M2)
{
    /// <summary>No values.</summary>
    public static Moments Empty { get; } = new(0, 0, 0);

    /// <summary>Population variance (M2 / n), or null with no values.</summary>
    public double? PopulationVariance => Count > 0 ? M2 / Count : null;

    /// <summary>Sample variance (M2 / (n − 1)), as pandas' <c>describe()</c> reports, or null with fewer than two values.</summary>
    public double? SampleVariance => Count > 1 ? M2 / (Count - 1) : null;

    /// <summary>Population standard deviation, or null with no values.</summary>
    public double? PopulationStandardDeviation => PopulationVariance is { } v ? Math.Sqrt(v) : null;

    /// <summary>Combines the moments of two disjoint sets of values.</summary>
    public Moments Merge(Moments other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var count = Count + other.Count;
        var delta = other.Mean - Mean;
        var mean = Mean + (delta * other.Count / count);
        var m2 = M2 + other.M2 + (delta * delta * ((double)Count * other.Count / count));
        return new Moments(count, mean, m2);
    }
}
