namespace ModelGates.Drift;

/// <summary>What a drift test compares.</summary>
public enum DriftInputKind
{
    /// <summary>The raw numeric values of the column (a <see cref="NumericSample"/> per side).</summary>
    Values,

    /// <summary>Counts over the same bins or categories on both sides (a <see cref="CountVector"/> per side).</summary>
    Counts,
}
