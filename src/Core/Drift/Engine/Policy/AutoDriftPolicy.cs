using ModelGates.Data;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Policy;

/// <summary>
/// The automatic choice of test and effect per column, from its kind, the sizes of both sides, the
/// reference's number of distinct values and, for numbers, the shape of its tail. The table in
/// docs/drift.md#the-auto-policy is this class.
/// </summary>
public static class AutoDriftPolicy
{
    /// <summary>Numeric columns with at most this many distinct reference values are compared over their frozen bins.</summary>
    public const int FewDistinctValues = 5;

    /// <summary>Boolean columns use Fisher's exact test while the smaller side has fewer values than this, the z-test from here on.</summary>
    public const long FisherBelow = 1_000;

    /// <summary>
    /// A numeric reference is heavy-tailed when its standard deviation is more than this many times the one its
    /// middle half implies for a normal distribution (interquartile range / 1.349); its effect is then measured on
    /// the rank scale (<c>wasserstein_rank</c>), where the tail cannot swamp a move of the body.
    /// </summary>
    public const double HeavyTailRatio = 2.0;

    /// <summary>The interquartile range of a standard normal distribution, 2 Φ⁻¹(0.75).</summary>
    private const double NormalInterquartileRange = 1.3489795003921634;

    /// <summary>The plan for a column whose reference is not heavy-tailed; null for free text, which is not compared.</summary>
    /// <param name="kind">The reference's kind of the column.</param>
    /// <param name="referenceCount">Non-missing reference values.</param>
    /// <param name="currentCount">Non-missing current values.</param>
    /// <param name="referenceDistinct">Distinct non-missing reference values.</param>
    public static DriftPlan? Choose(ColumnKind kind, long referenceCount, long currentCount, long referenceDistinct) =>
        Choose(kind, referenceCount, currentCount, referenceDistinct, heavyTailed: false);

    /// <summary>The plan for a column; null for free text, which is not compared.</summary>
    /// <param name="kind">The reference's kind of the column.</param>
    /// <param name="referenceCount">Non-missing reference values.</param>
    /// <param name="currentCount">Non-missing current values.</param>
    /// <param name="referenceDistinct">Distinct non-missing reference values.</param>
    /// <param name="heavyTailed">Numbers: whether the reference is heavy-tailed (<see cref="IsHeavyTailed"/>).</param>
    public static DriftPlan? Choose(ColumnKind kind, long referenceCount, long currentCount, long referenceDistinct, bool heavyTailed) => kind switch
    {
        ColumnKind.Numeric or ColumnKind.Datetime when referenceDistinct <= FewDistinctValues => Binned(),
        ColumnKind.Numeric or ColumnKind.Datetime => Plan("ks", "ks", EffectFor(DriftInputShape.Values, heavyTailed), DriftInputShape.Values),
        ColumnKind.Categorical => Plan("chisquare", "chisquare", EffectFor(DriftInputShape.Categories, false), DriftInputShape.Categories),
        ColumnKind.Boolean => Plan(BooleanTest(referenceCount, currentCount), BooleanTest(referenceCount, currentCount), EffectFor(DriftInputShape.Categories, false), DriftInputShape.Categories),
        _ => null,
    };

    /// <summary>The plan for a numeric column compared over its frozen reference bins: chi-squared and Jensen–Shannon.</summary>
    public static DriftPlan Binned() => Plan("chisquare", "chisquare", "jensenshannon", DriftInputShape.Bins);

    /// <summary>
    /// The effect measure paired with a p-value test that reads <paramref name="input"/>: <c>wasserstein</c> for values
    /// (<c>wasserstein_rank</c> when heavy-tailed), <c>cohens_h</c> for categories, <c>jensenshannon</c> for frozen bins.
    /// </summary>
    /// <param name="input">What the test compares.</param>
    /// <param name="heavyTailed">Values: whether the reference is heavy-tailed (<see cref="IsHeavyTailed"/>).</param>
    public static string EffectFor(DriftInputShape input, bool heavyTailed) => input switch
    {
        DriftInputShape.Values or DriftInputShape.Sketch => heavyTailed ? "wasserstein_rank" : "wasserstein",
        DriftInputShape.Categories => "cohens_h",
        _ => "jensenshannon",
    };

    /// <summary>
    /// Whether a numeric reference is heavy-tailed: its population standard deviation is more than
    /// <see cref="HeavyTailRatio"/> times the interquartile range / 1.349 (a normal's ratio is 1; lognormal with
    /// σ = 1 is 2.0, with σ = 2 about 20). A constant middle half with any spread beyond it counts as heavy-tailed.
    /// </summary>
    /// <param name="standardDeviation">The reference's population standard deviation.</param>
    /// <param name="lowerQuartile">The reference's 25th percentile.</param>
    /// <param name="upperQuartile">The reference's 75th percentile.</param>
    public static bool IsHeavyTailed(double standardDeviation, double lowerQuartile, double upperQuartile) =>
        standardDeviation > 0 && standardDeviation > HeavyTailRatio * (upperQuartile - lowerQuartile) / NormalInterquartileRange;

    /// <summary>
    /// The p-value test paired with a distance that reads <paramref name="input"/>: <c>ks</c> for values,
    /// <c>chisquare</c> for bins and categories, <see cref="BooleanTest"/> for a boolean column.
    /// </summary>
    /// <param name="input">What the distance compares.</param>
    /// <param name="kind">The column's kind.</param>
    /// <param name="referenceCount">Non-missing reference values.</param>
    /// <param name="currentCount">Non-missing current values.</param>
    public static string SignificanceFor(DriftInputShape input, ColumnKind kind, long referenceCount, long currentCount) => input switch
    {
        DriftInputShape.Values => "ks",
        DriftInputShape.Bins => "chisquare",
        _ when kind == ColumnKind.Boolean => BooleanTest(referenceCount, currentCount),
        _ => "chisquare",
    };

    /// <summary>The p-value test for a boolean column (or a missing share) with these sizes: <c>fisher_exact</c> or <c>z</c>.</summary>
    public static string BooleanTest(long referenceCount, long currentCount) =>
        Math.Min(referenceCount, currentCount) < FisherBelow ? "fisher_exact" : "z";

    private static DriftPlan Plan(string test, string significance, string effect, DriftInputShape input) =>
        new(DriftTestRegistry.Get(test), DriftTestRegistry.Get(significance), DriftTestRegistry.Get(effect), input, Auto: true);
}
