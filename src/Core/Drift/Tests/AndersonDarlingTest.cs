using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>anderson</c>: the k-sample Anderson–Darling test of Scholz and Stephens (1987) for two samples,
/// <c>scipy.stats.anderson_ksamp([reference, current])</c> (midrank version). Statistic: the
/// standardized A²akN; p-value: SciPy's <c>significance_level</c>, interpolated in the critical-value
/// table and therefore capped to [0.001, 0.25].
/// </summary>
internal sealed class AndersonDarlingTest : ValueDriftTest
{
    private const int Samples = 2;

    /// <summary>Creates the test.</summary>
    public AndersonDarlingTest()
        : base(new DriftTestTraits(
            "anderson",
            "Anderson–Darling (k-sample)",
            DriftThresholdKind.PValue,
            0.05,
            [ColumnKind.Numeric, ColumnKind.Datetime],
            MinimumSize: 2,
            IsSymmetric: true))
    {
    }

    private protected override DriftTestResult ComputeCore(NumericSample reference, NumericSample current) =>
        PooledWalk.Run(reference, current, new Statistic(reference.Count, current.Count));

    /// <inheritdoc />
    internal override IPooledStatistic Pooled(PooledSides sides) => new Statistic(sides.Reference.Size, sides.Current.Size);

    private struct Statistic(double n1, double n2) : IPooledStatistic
    {
        private CompensatedSum sum1;
        private CompensatedSum sum2;
        private long distinct;

        public void Add(in PooledStep step)
        {
            distinct++;
            var total = n1 + n2;
            var tied = step.ReferenceAt + step.CurrentAt;
            var b = step.ReferenceBelow + step.CurrentBelow + (tied / 2);
            var denominator = (b * (total - b)) - (total * tied / 4);
            var m1 = step.ReferenceThrough - (step.ReferenceAt / 2);
            var m2 = step.CurrentThrough - (step.CurrentAt / 2);
            var d1 = (total * m1) - (b * n1);
            var d2 = (total * m2) - (b * n2);
            sum1.Add(tied / total * d1 * d1 / denominator);
            sum2.Add(tied / total * d2 * d2 / denominator);
        }

        public readonly DriftTestResult Result()
        {
            if (distinct == 1)
            {
                // One distinct value in the pooled sample: SciPy raises; both samples are the same point mass.
                return DriftTestResult.OfTest(0.0, 1.0, PValueMethod.Exact);
            }

            var total = n1 + n2;
            var a2kn = ((sum1.Value / n1) + (sum2.Value / n2)) * (total - 1) / total;
            var standardized = (a2kn - (Samples - 1)) / Math.Sqrt(Variance(n1, n2));
            return DriftTestResult.OfTest(
                standardized,
                AndersonDarlingTable.SignificanceLevel(standardized, Samples),
                PValueMethod.Interpolated);
        }
    }

    // The variance of A²kN under the null (Scholz and Stephens 1987, eq. 4), with SciPy's sums h and g.
    private static double Variance(double n1, double n2)
    {
        var total = n1 + n2;
        var count = (long)total;
        const double k = Samples;
        var inverseSizes = (1 / n1) + (1 / n2);

        // tail = Σ_{j=N−1−i}^{N−1} 1/j for i = 0 .. N−3 (SciPy's hs_cs); h = 1 + Σ_{j=2}^{N−1} 1/j; g = Σ tail_i / (i + 2).
        var tail = 0.0;
        var g = new CompensatedSum();
        for (long i = 0; i <= count - 3; i++)
        {
            tail += 1.0 / (count - 1 - i);
            g.Add(tail / (i + 2));
        }

        var h = tail + 1;
        var gValue = g.Value;
        var a = ((4 * gValue) - 6) * (k - 1) + ((10 - (6 * gValue)) * inverseSizes);
        var b = ((2 * gValue) - 4) * k * k + (8 * h * k) + (((2 * gValue) - (14 * h) - 4) * inverseSizes) - (8 * h) + (4 * gValue) - 6;
        var c = ((6 * h) + (2 * gValue) - 2) * k * k + (((4 * h) - (4 * gValue) + 6) * k) + (((2 * h) - 6) * inverseSizes) + (4 * h);
        var d = (((2 * h) + 6) * k * k) - (4 * h * k);
        return ((a * total * total * total) + (b * total * total) + (c * total) + d) / ((total - 1) * (total - 2) * (total - 3));
    }
}
