using System.Runtime.CompilerServices;
using ModelGates.Statistics;

namespace ModelGates.Drift;

/// <summary>
/// ∫ |F_ref − F_cur| dx or ∫ (F_ref − F_cur)² dx over the pooled range: the empirical CDFs are step
/// functions, so the integral is a sum over the gaps between consecutive distinct pooled values
/// (SciPy's <c>_cdf_distance</c>), computed in one merge of the sorted samples.
/// </summary>
internal static class EmpiricalCdfIntegral
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Of(NumericSample reference, NumericSample current, bool squared)
    {
        var referenceSize = reference.Size;
        var currentSize = current.Size;
        var walk = new DistinctValueWalk(reference, current);
        var sum = new CompensatedSum();
        if (!walk.MoveNext())
        {
            return 0.0;
        }

        var previousValue = walk.Value;
        var previousDifference = (walk.ReferenceThrough / referenceSize) - (walk.CurrentThrough / currentSize);
        while (walk.MoveNext())
        {
            var gap = walk.Value - previousValue;
            sum.Add((squared ? previousDifference * previousDifference : Math.Abs(previousDifference)) * gap);
            previousValue = walk.Value;
            previousDifference = (walk.ReferenceThrough / referenceSize) - (walk.CurrentThrough / currentSize);
        }

        return sum.Value;
    }
}
