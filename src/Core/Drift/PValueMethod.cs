namespace ModelGates.Drift;

/// <summary>How a p-value was obtained, for reports that say how far to trust it.</summary>
public enum PValueMethod
{
    /// <summary>From the exact null distribution of the statistic.</summary>
    Exact,

    /// <summary>From the statistic's limiting distribution (large-sample approximation).</summary>
    Asymptotic,

    /// <summary>From an approximation that is not a large-sample limit (Welch–Satterthwaite degrees of freedom).</summary>
    Approximate,

    /// <summary>Interpolated in a table of critical values and capped at the table's ends (Anderson–Darling).</summary>
    Interpolated,
}
