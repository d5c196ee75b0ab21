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
        var integral = new Accumulator(reference.Size, current.Size, squared);
        var walk = new DistinctValueWalk(reference, current);
        while (walk.MoveNext())
        {
            integral.Add(new PooledStep(walk.Value, walk.ReferenceBelow, walk.ReferenceThrough, walk.CurrentBelow, walk.CurrentThrough));
        }

        return integral.Value;
    }

    /// <summary>The integral as one ascending pass over the pooled distinct values (in memory, or streamed out of DuckDB).</summary>
    internal struct Accumulator(double referenceSize, double currentSize, bool squared)
    {
        private CompensatedSum sum;
        private bool started;
        private double previousValue;
        private double previousDifference;

        /// <summary>The integral over the values added so far.</summary>
        public readonly double Value => started ? sum.Value : 0.0;

        public void Add(in PooledStep step)
        {
            if (started)
            {
                var gap = step.Value - previousValue;
                sum.Add((squared ? previousDifference * previousDifference : Math.Abs(previousDifference)) * gap);
            }

            started = true;
            previousValue = step.Value;
            previousDifference = (step.ReferenceThrough / referenceSize) - (step.CurrentThrough / currentSize);
        }
    }
}
