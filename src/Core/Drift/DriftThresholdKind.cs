namespace ModelGates.Drift;

/// <summary>How a drift test's threshold is read.</summary>
public enum DriftThresholdKind
{
    /// <summary>The threshold is a significance level: drift when the p-value is below it.</summary>
    PValue,

    /// <summary>The threshold is a distance: drift when the statistic is at or above it.</summary>
    Distance,
}
