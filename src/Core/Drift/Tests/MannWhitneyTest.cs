using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>mannw</c>: the Mann–Whitney U (Wilcoxon rank-sum) test, <c>scipy.stats.mannwhitneyu(alternative='two-sided',
/// method='auto', use_continuity=True)</c>. Statistic U of the reference sample (midranks for ties);
/// exact p-value when a side has at most 8 observations and there are no ties, otherwise the normal
/// approximation with tie correction and continuity correction. Ranks come from one merge of the sorted samples.
/// </summary>
internal sealed class MannWhitneyTest : ValueDriftTest
{
    private const int MaxExactSize = 8;

    // The exact distribution holds one double per attainable U up to n1·n2/2: beyond 20 million (160 MB,
    // e.g. 8 values against 5 million) the normal approximation is used instead (SciPy would attempt the
    // exact path and exhaust memory long before this size).
    private const double MaxExactStates = 20_000_000;

    /// <summary>Creates the test.</summary>
    public MannWhitneyTest()
        : base(new DriftTestTraits(
            "mannw",
            "Mann–Whitney U",
            DriftThresholdKind.PValue,
            0.05,
            [ColumnKind.Numeric, ColumnKind.Datetime],
            MinimumSize: 1,
            IsSymmetric: true))
    {
    }

    private protected override DriftTestResult ComputeCore(NumericSample reference, NumericSample current) =>
        PooledWalk.Run(reference, current, new Statistic(reference.Count, current.Count));

    /// <inheritdoc />
    internal override IPooledStatistic Pooled(PooledSides sides) => new Statistic(sides.Reference.Size, sides.Current.Size);

    private struct Statistic(double n1, double n2) : IPooledStatistic
    {
        private double rankSum;
        private double tieTerm;
        private bool hasTies;

        public void Add(in PooledStep step)
        {
            var inReference = step.ReferenceAt;
            var group = inReference + step.CurrentAt;
            var below = step.ReferenceBelow + step.CurrentBelow;
            rankSum += inReference * (below + ((group + 1) / 2));
            if (group > 1)
            {
                hasTies = true;
                tieTerm += (group * group * group) - group;
            }
        }

        public readonly DriftTestResult Result()
        {
            var u1 = rankSum - (n1 * (n1 + 1) / 2);
            var u2 = (n1 * n2) - u1;
            var u = Math.Max(u1, u2);
            double pValue;
            PValueMethod method;
            if ((n1 > MaxExactSize && n2 > MaxExactSize) || hasTies || (n1 * n2 / 2) > MaxExactStates)
            {
                var n = n1 + n2;
                var spread = Math.Sqrt(n1 * n2 / 12 * ((n + 1) - (tieTerm / (n * (n - 1)))));
                var z = (u - (n1 * n2 / 2) - 0.5) / spread;
                pValue = 2 * NormalDistribution.Sf(z);
                method = PValueMethod.Asymptotic;
            }
            else
            {
                // Here a side has at most 8 values and n1·n2/2 is at most 20 million: both sizes fit an int.
                pValue = 2 * MannWhitneyExactDistribution.Cdf((long)((n1 * n2) - u), (int)n1, (int)n2);
                method = PValueMethod.Exact;
            }

            return DriftTestResult.OfTest(u1, Math.Clamp(pValue, 0.0, 1.0), method);
        }
    }
}
