using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>cramer_von_mises</c>: the two-sample Cramér–von Mises test, <c>scipy.stats.cramervonmises_2samp(method='auto')</c>.
/// Statistic T (Anderson 1962, eq. 9) from midranks in the pooled sample; exact p-value when both
/// sides have at most 20 observations, otherwise the limiting distribution of the normalised statistic.
/// </summary>
internal sealed class CramerVonMisesTest : ValueDriftTest
{
    private const int MaxExactSize = 20;

    /// <summary>Creates the test.</summary>
    public CramerVonMisesTest()
        : base(new DriftTestTraits(
            "cramer_von_mises",
            "Cramér–von Mises",
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
    internal override IPooledStatistic Pooled(PooledSides sides) => new Statistic((long)sides.Reference.Size, (long)sides.Current.Size);

    private struct Statistic(long nx, long ny) : IPooledStatistic
    {
        private CompensatedSum referenceSquares;
        private CompensatedSum currentSquares;
        private long referencePosition;
        private long currentPosition;

        public void Add(in PooledStep step)
        {
            // Each value's midrank in the pooled sample against its rank within its own sample, value by value.
            var group = step.ReferenceAt + step.CurrentAt;
            var midrank = step.ReferenceBelow + step.CurrentBelow + ((group + 1) / 2);
            for (; referencePosition < step.ReferenceThrough; referencePosition++)
            {
                var gap = midrank - (referencePosition + 1);
                referenceSquares.Add(gap * gap);
            }

            for (; currentPosition < step.CurrentThrough; currentPosition++)
            {
                var gap = midrank - (currentPosition + 1);
                currentSquares.Add(gap * gap);
            }
        }

        public readonly DriftTestResult Result()
        {
            var u = (nx * referenceSquares.Value) + (ny * currentSquares.Value);
            double k = (double)nx * ny;
            double n = nx + ny;
            var t = (u / (k * n)) - (((4 * k) - 1) / (6 * n));
            if (Math.Max(nx, ny) <= MaxExactSize)
            {
                return DriftTestResult.OfTest(t, CramerVonMisesDistribution.TwoSampleExactPValue(u, (int)nx, (int)ny), PValueMethod.Exact);
            }

            // Expected value and variance of T (Anderson 1962, eqs. 11 and 14), then the normalised statistic (eq. 15).
            var expected = (1 + (1 / n)) / 6;
            var variance = (n + 1) * ((4 * k * n) - (3 * (((double)nx * nx) + ((double)ny * ny))) - (2 * k)) / (45 * n * n * 4 * k);
            var normalised = (1.0 / 6) + ((t - expected) / Math.Sqrt(45 * variance));

            // Below 0.003 the limiting CDF is under 1.3e-18: SciPy returns 1 directly.
            var pValue = normalised < 0.003 ? 1.0 : Math.Max(0.0, 1.0 - CramerVonMisesDistribution.LimitCdf(normalised));
            return DriftTestResult.OfTest(t, pValue, PValueMethod.Asymptotic);
        }
    }
}
