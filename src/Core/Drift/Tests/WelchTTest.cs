using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>t_test</c>: Welch's unequal-variance t-test on the means, <c>scipy.stats.ttest_ind(equal_var=False)</c>.
/// Statistic t = (mean_ref − mean_cur) / √(s²_ref/n_ref + s²_cur/n_cur); the p-value is two-sided
/// from Student's t with Welch–Satterthwaite degrees of freedom. Accepts frequency weights (n is then
/// the total weight; mean and variance are the weighted ones).
/// </summary>
internal sealed class WelchTTest : ValueDriftTest
{
    /// <summary>Creates the test.</summary>
    public WelchTTest()
        : base(new DriftTestTraits(
            "t_test",
            "Welch's t-test",
            DriftThresholdKind.PValue,
            0.05,
            [ColumnKind.Numeric, ColumnKind.Datetime],
            MinimumSize: 2,
            IsSymmetric: true,
            AcceptsWeights: true,

            // Welch's test reads only size, mean and variance, which a profile's moments hold exactly.
            ProfileUse: DriftProfileUse.Moments))
    {
    }

    private protected override DriftTestResult ComputeCore(NumericSample reference, NumericSample current) =>
        FromMoments(SampleMoments.Of(reference), SampleMoments.Of(current));

    /// <inheritdoc />
    internal override IPooledStatistic Pooled(PooledSides sides) => new Statistic(sides);

    private static DriftTestResult FromMoments(SampleMoments first, SampleMoments second)
    {
        var spread1 = first.SampleVariance / first.Size;
        var spread2 = second.SampleVariance / second.Size;
        var difference = first.Mean - second.Mean;
        var denominator = Math.Sqrt(spread1 + spread2);
        if (denominator == 0 && difference == 0)
        {
            // Both samples constant at the same value: SciPy returns NaN; there is no evidence of drift.
            return DriftTestResult.OfTest(0.0, 1.0, PValueMethod.Exact);
        }

        var degrees = (spread1 + spread2) * (spread1 + spread2)
            / ((spread1 * spread1 / (first.Size - 1)) + (spread2 * spread2 / (second.Size - 1)));
        if (double.IsNaN(degrees))
        {
            // Both variances zero (SciPy: "it doesn't matter what df is as long as it's not NaN").
            degrees = 1;
        }

        var t = difference / denominator;
        return DriftTestResult.OfTest(t, StudentTDistribution.TwoSidedPValue(t, degrees), PValueMethod.Approximate);
    }

    /// <summary>Welch's test reads only the sides' moments, not the values.</summary>
    private readonly struct Statistic(PooledSides sides) : IPooledStatistic
    {
        public void Add(in PooledStep step)
        {
        }

        public DriftTestResult Result() => FromMoments(sides.Reference, sides.Current);
    }
}
