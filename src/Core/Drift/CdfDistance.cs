namespace ModelGates.Drift;

/// <summary>
/// Which distance between the two empirical CDFs a statistic is. It fixes how far the statistic can move
/// when the reference CDF is known only within a rank error (a profile's quantile sketch), and lets the
/// effect bootstrap redraw the statistic on a grid of values.
/// </summary>
public enum CdfDistance
{
    /// <summary>None of the forms below.</summary>
    None,

    /// <summary>sup |F_ref − F_cur| (Kolmogorov–Smirnov's D): moves by at most the rank error.</summary>
    Supremum,

    /// <summary>∫ |F_ref − F_cur| dx divided by the reference's standard deviation σ (Wasserstein): moves by at most rankError · (max − min) / σ.</summary>
    Absolute,

    /// <summary>√(2 ∫ (F_ref − F_cur)² dx) divided by σ (energy distance): moves by at most √2 · rankError · √(max − min) / σ.</summary>
    Squared,

    /// <summary>
    /// √12 · ∫ |F_ref − F_cur| dF_ref: the absolute form on the reference's rank scale (both sides mapped through the
    /// reference's mid-distribution function; √12 norms by a uniform's standard deviation). Moves by at most
    /// 3√12 · rankError.
    /// </summary>
    Rank,
}
