namespace ModelGates.Quality;

/// <summary>
/// A finding as a check of this runner returns it: the shared <see cref="QualityFinding"/>, plus the value a
/// column-level check measured and its bound (a single feature's AUC, the data's age), for reports and gate checks.
/// A detector that returns plain findings converts implicitly.
/// </summary>
/// <param name="Finding">The finding.</param>
internal sealed record CheckFinding(QualityFinding Finding)
{
    /// <summary>What the check measured, or null when the count says it all.</summary>
    public double? Measured { get; init; }

    /// <summary>The bound <see cref="Measured"/> is judged against, or null.</summary>
    public double? Bound { get; init; }

    /// <summary>A plain finding.</summary>
    public static implicit operator CheckFinding(QualityFinding finding) => new(finding);
}
