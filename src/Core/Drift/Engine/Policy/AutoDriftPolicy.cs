using ModelGates.Data;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Policy;

/// <summary>
/// The automatic choice of test and effect per column, from its kind, the sizes of both sides and the
/// reference's number of distinct values. The table in docs/drift.md#the-auto-policy is this class.
/// </summary>
public static class AutoDriftPolicy
{
    /// <summary>Numeric columns with at most this many distinct reference values are compared over their frozen bins.</summary>
    public const int FewDistinctValues = 5;

    /// <summary>Boolean columns use Fisher's exact test while the smaller side has fewer values than this, the z-test from here on.</summary>
    public const long FisherBelow = 1_000;

    /// <summary>The plan for a column; null for free text, which is not compared.</summary>
    /// <param name="kind">The reference's kind of the column.</param>
    /// <param name="referenceCount">Non-missing reference values.</param>
    /// <param name="currentCount">Non-missing current values.</param>
    /// <param name="referenceDistinct">Distinct non-missing reference values.</param>
    public static DriftPlan? Choose(ColumnKind kind, long referenceCount, long currentCount, long referenceDistinct) => kind switch
    {
        ColumnKind.Numeric or ColumnKind.Datetime when referenceDistinct <= FewDistinctValues => Binned(),
        ColumnKind.Numeric or ColumnKind.Datetime => Plan("ks", "ks", "wasserstein", DriftInputShape.Values),
        ColumnKind.Categorical => Plan("chisquare", "chisquare", "jensenshannon", DriftInputShape.Categories),
        ColumnKind.Boolean => Plan(BooleanTest(referenceCount, currentCount), BooleanTest(referenceCount, currentCount), "jensenshannon", DriftInputShape.Categories),
        _ => null,
    };

    /// <summary>The plan for a numeric column compared over its frozen reference bins: chi-squared and Jensen–Shannon.</summary>
    public static DriftPlan Binned() => Plan("chisquare", "chisquare", "jensenshannon", DriftInputShape.Bins);

    /// <summary>The effect measure paired with a p-value test that reads <paramref name="input"/>: <c>wasserstein</c> for values, <c>jensenshannon</c> for counts.</summary>
    public static string EffectFor(DriftInputShape input) => input == DriftInputShape.Values ? "wasserstein" : "jensenshannon";

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
