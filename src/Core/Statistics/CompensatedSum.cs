namespace ModelGates.Statistics;

/// <summary>
/// Neumaier's compensated summation: sums millions of terms with the error of a few roundings,
/// as NumPy's pairwise sums do, so results do not depend on the summation order.
/// </summary>
internal struct CompensatedSum
{
    private double sum;
    private double compensation;

    /// <summary>The sum so far.</summary>
    public readonly double Value => sum + compensation;

    /// <summary>Adds a term.</summary>
    public void Add(double term)
    {
        var next = sum + term;
        compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - next) + term : (term - next) + sum;
        sum = next;
    }
}
