namespace ModelGates.Drift;

/// <summary>One side (reference or current) of a drift comparison: a <see cref="NumericSample"/> or a <see cref="CountVector"/>.</summary>
public abstract class DriftSample
{
    private protected DriftSample()
    {
    }

    /// <summary>Which kind of input this is.</summary>
    public abstract DriftInputKind Kind { get; }

    /// <summary>How many observations the sample stands for (rows, total weight, or total count).</summary>
    public abstract double Size { get; }

    /// <summary>True when the sample holds no observation; every test rejects an empty side.</summary>
    public bool IsEmpty => Size == 0;
}
