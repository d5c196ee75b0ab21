using ModelGates.Drift.Engine.Policy;

namespace ModelGates.Drift.Engine;

/// <summary>
/// The missing-share check: whether the share of rows in which a column is missing changed. A column
/// going from 1% to 20% missing has drifted even when its values have not. The p-value is Fisher's exact
/// test while the smaller side has fewer than 1,000 rows, the two-proportion z-test from there on (the
/// boolean rule of the auto policy); the verdict also needs the change to reach a threshold.
/// </summary>
internal static class MissingShareCheck
{
    /// <summary>The p-value of a change from <paramref name="referenceMissing"/> of <paramref name="referenceRows"/> to <paramref name="currentMissing"/> of <paramref name="currentRows"/>; null when a side has no rows.</summary>
    public static double? Measure(long referenceMissing, long referenceRows, long currentMissing, long currentRows)
    {
        if (referenceRows <= 0 || currentRows <= 0)
        {
            return null;
        }

        var test = DriftTestRegistry.Get(AutoDriftPolicy.BooleanTest(referenceRows, currentRows));
        return test.Compute(
            CountVector.Of(referenceRows - referenceMissing, referenceMissing),
            CountVector.Of(currentRows - currentMissing, currentMissing)).PValue;
    }
}
