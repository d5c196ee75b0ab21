using ModelGates.Data;

namespace ModelGates.Drift.Tests;

/// <summary>
/// <c>cohens_h</c>: the largest Cohen's h over the categories, max |2 asin √c − 2 asin √r| of each category's
/// proportion r in the reference and c in the current (a boolean's two categories give the same h). The arcsine
/// square root stabilises the variance of a proportion, so one threshold means the same at every base rate: 0.1 is a
/// move from 50% to 55%, from 10% to 13.2%, from 1% to 2.2%, or a new category holding 0.25% of the rows. A
/// distance in [0, π]; no smoothing is needed (asin √0 = 0).
/// </summary>
internal sealed class CohensHTest : CountDriftTest
{
    /// <summary>Creates the test.</summary>
    public CohensHTest()
        : base(new DriftTestTraits(
            "cohens_h",
            "Cohen's h (largest over categories)",
            DriftThresholdKind.Distance,
            0.1,
            [ColumnKind.Categorical, ColumnKind.Boolean],
            MinimumSize: 1,
            IsSymmetric: true))
    {
    }

    /// <summary>Cohen's h between proportions <paramref name="reference"/> and <paramref name="current"/>, signed (positive when the share grew).</summary>
    public static double Of(double reference, double current) =>
        (2.0 * Math.Asin(Math.Sqrt(current))) - (2.0 * Math.Asin(Math.Sqrt(reference)));

    private protected override DriftTestResult ComputeCore(CountVector reference, CountVector current)
    {
        var (r, c) = AlignedCounts.Of(reference, current).Proportions();
        var largest = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(Of(Math.Min(1.0, r[i]), Math.Min(1.0, c[i]))));
        }

        return DriftTestResult.OfDistance(largest);
    }
}
