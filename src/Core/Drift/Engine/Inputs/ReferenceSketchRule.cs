using ModelGates.Profiles;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// The quantile sketch and frozen bins that a profile stores for a column, built from its sorted raw values by
/// the profiler's own rule (<see cref="NumericColumnProfiler"/>), so binned drift tests against raw reference
/// data and against its profile count over identical bins.
/// </summary>
internal static class ReferenceSketchRule
{
    public static (QuantileSketch Sketch, ReferenceBins Bins, long Distinct) From(double[] sorted, ProfileSettings settings)
    {
        return NumericColumnProfiler.SketchAndBins(sorted, settings);
    }
}
