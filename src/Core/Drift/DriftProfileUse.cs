namespace ModelGates.Drift;

/// <summary>How a drift test runs when the reference is a profile instead of raw data (docs/drift.md#reference-profiles).</summary>
public enum DriftProfileUse
{
    /// <summary>Over the profile's frozen bin counts or category counts: exact.</summary>
    Counts,

    /// <summary>On the profile's quantile sketch as a weighted sample, within <see cref="IDriftTest.SketchErrorBound"/>.</summary>
    Sketch,

    /// <summary>From the profile's exact count, mean and variance: exact.</summary>
    Moments,

    /// <summary>
    /// Needs the raw values: runs on a sketch only when the sketch is exact (every distinct value with its count,
    /// expanded back to its rows), and is refused otherwise (MG0032).
    /// </summary>
    ExactSketch,
}
