using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>ks</c>: the two-sample Kolmogorov–Smirnov test. Statistic D = sup |F_ref − F_cur| of the
/// empirical CDFs; p-value as <c>scipy.stats.ks_2samp(method='auto')</c>: exact when both sides
/// have at most 10,000 observations, asymptotic otherwise. Accepts frequency weights (the sample
/// size for the p-value is then the total weight, rounded).
/// </summary>
internal sealed class KolmogorovSmirnovTest : ValueDriftTest
{
    /// <summary>Creates the test.</summary>
    public KolmogorovSmirnovTest()
        : base(new DriftTestTraits(
            "ks",
            "Kolmogorov–Smirnov",
            DriftThresholdKind.PValue,
            0.05,
            [ColumnKind.Numeric, ColumnKind.Datetime],
            MinimumSize: 1,
            IsSymmetric: true,
            AcceptsWeights: true,
            ProfileUse: DriftProfileUse.Sketch,
            CdfDistance: CdfDistance.Supremum))
    {
    }

    /// <inheritdoc />
    public override DriftTestResult? PValueOf(double statistic, long referenceSize, long currentSize)
    {
        var (_, pValue, exact) = TwoSampleKolmogorovSmirnov.PValue(statistic, referenceSize, currentSize);
        return DriftTestResult.OfTest(statistic, pValue, exact ? PValueMethod.Exact : PValueMethod.Asymptotic);
    }

    private protected override DriftTestResult ComputeCore(NumericSample reference, NumericSample current) =>
        PooledWalk.Run(reference, current, new Statistic(reference.Size, current.Size));

    /// <inheritdoc />
    internal override IPooledStatistic Pooled(PooledSides sides) => new Statistic(sides.Reference.Size, sides.Current.Size);

    private struct Statistic(double referenceSize, double currentSize) : IPooledStatistic
    {
        private double largestAbove = double.NegativeInfinity;
        private double largestBelow = double.NegativeInfinity;

        public void Add(in PooledStep step)
        {
            // The same division as SciPy's searchsorted(...) / n, so D is bit-for-bit SciPy's.
            var difference = (step.ReferenceThrough / referenceSize) - (step.CurrentThrough / currentSize);
            largestAbove = Math.Max(largestAbove, difference);
            largestBelow = Math.Max(largestBelow, -difference);
        }

        public readonly DriftTestResult Result()
        {
            var below = Math.Clamp(largestBelow, 0.0, 1.0);
            var d = below > largestAbove ? below : largestAbove;
            var n1 = Math.Max(1L, (long)Math.Round(referenceSize, MidpointRounding.ToEven));
            var n2 = Math.Max(1L, (long)Math.Round(currentSize, MidpointRounding.ToEven));
            var (statistic, pValue, exact) = TwoSampleKolmogorovSmirnov.PValue(d, n1, n2);
            return DriftTestResult.OfTest(statistic, pValue, exact ? PValueMethod.Exact : PValueMethod.Asymptotic);
        }
    }
}
