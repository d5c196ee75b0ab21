using ModelGates.Statistics;

namespace ModelGates.Models.Segments;

/// <summary>
/// Welch's one-sided two-sample t-test that the mean of <c>inside</c> is greater than the mean of <c>outside</c>
/// (unequal variances, Welch–Satterthwaite degrees of freedom): SciPy's
/// <c>ttest_ind(inside, outside, equal_var=False, alternative="greater")</c>, checked against
/// eng/oracles/weak_segments.json.
/// </summary>
internal static class WelchTest
{
    /// <summary>The t statistic, its degrees of freedom and the one-sided p-value; p is 1 when a side has fewer than two rows.</summary>
    public static (double T, double DegreesOfFreedom, double PValue) Greater(IReadOnlyList<double> inside, IReadOnlyList<double> outside)
    {
        ArgumentNullException.ThrowIfNull(inside);
        ArgumentNullException.ThrowIfNull(outside);
        if (inside.Count < 2 || outside.Count < 2)
        {
            return (double.NaN, double.NaN, 1.0);
        }

        var (m1, v1) = MeanAndVariance(inside);
        var (m2, v2) = MeanAndVariance(outside);
        var a = v1 / inside.Count;
        var b = v2 / outside.Count;
        var se2 = a + b;
        if (!(se2 > 0))
        {
            // Both sides constant: the difference is exact.
            return (m1 > m2 ? double.PositiveInfinity : double.NegativeInfinity, double.NaN, m1 > m2 ? 0.0 : 1.0);
        }

        var t = (m1 - m2) / Math.Sqrt(se2);
        var df = se2 * se2 / ((a * a / (inside.Count - 1)) + (b * b / (outside.Count - 1)));
        // P(T ≥ t) as the lower tail at −t, which keeps its digits when the p-value is tiny.
        return (t, df, StudentTDistribution.Cdf(-t, df));
    }

    // Two passes (mean, then squared deviations): exact enough for losses, and what NumPy's var(ddof=1) computes.
    private static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Count;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, squares / (values.Count - 1));
    }
}
