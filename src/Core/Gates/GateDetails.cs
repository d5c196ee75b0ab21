namespace ModelGates.Gates;

/// <summary>
/// What a gate measured beyond its checks: a drift gate's columns and distributions (<see cref="DriftGateDetails"/>),
/// a model gate's metrics, curves and slices (<see cref="ModelGateDetails"/>). The JSON result writes them as the
/// gate's <c>details</c> object and reads them back, and the HTML report renders them, so all three show the
/// same values.
/// </summary>
public abstract record GateDetails
{
    // Only Core declares details: the result's writer, reader and HTML sections know every kind.
    private protected GateDetails()
    {
    }
}

/// <summary>The lower and upper ends of an interval as a report shows them.</summary>
/// <param name="Lower">The lower end (NaN when undefined).</param>
/// <param name="Upper">The upper end (NaN when undefined).</param>
internal readonly record struct IntervalBounds(double Lower, double Upper);
