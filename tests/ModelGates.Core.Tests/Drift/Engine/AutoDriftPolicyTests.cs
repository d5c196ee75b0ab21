using ModelGates.Data;
using ModelGates.Drift;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>The auto policy is the table in docs/drift.md, row by row.</summary>
public sealed class AutoDriftPolicyTests
{
    public static TheoryData<ColumnKind, long, long, long, string, string, DriftInputShape> Rows() => new()
    {
        { ColumnKind.Numeric, 50, 50, 50, "ks", "wasserstein", DriftInputShape.Values },
        { ColumnKind.Numeric, 1_000_000, 20, 900_000, "ks", "wasserstein", DriftInputShape.Values },
        { ColumnKind.Numeric, 5_000, 5_000, 5, "chisquare", "jensenshannon", DriftInputShape.Bins },
        { ColumnKind.Numeric, 5_000, 5_000, 6, "ks", "wasserstein", DriftInputShape.Values },
        { ColumnKind.Datetime, 5_000, 5_000, 365, "ks", "wasserstein", DriftInputShape.Values },
        { ColumnKind.Datetime, 5_000, 5_000, 2, "chisquare", "jensenshannon", DriftInputShape.Bins },
        { ColumnKind.Categorical, 50, 50, 7, "chisquare", "cohens_h", DriftInputShape.Categories },
        { ColumnKind.Boolean, 999, 100_000, 2, "fisher_exact", "cohens_h", DriftInputShape.Categories },
        { ColumnKind.Boolean, 1_000, 1_000, 2, "z", "cohens_h", DriftInputShape.Categories },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Auto_chooses_by_kind_size_and_cardinality(ColumnKind kind, long referenceCount, long currentCount, long distinct, string test, string effect, DriftInputShape input)
    {
        var plan = AutoDriftPolicy.Choose(kind, referenceCount, currentCount, distinct)!;

        Assert.Equal((test, test, effect, input, true), (plan.Test.Id, plan.SignificanceTest.Id, plan.EffectMeasure.Id, plan.Input, plan.Auto));
        Assert.Equal(DriftThresholdKind.PValue, plan.SignificanceTest.ThresholdKind);
        Assert.Equal(DriftThresholdKind.Distance, plan.EffectMeasure.ThresholdKind);
        Assert.Equal(0.1, plan.EffectMeasure.DefaultThreshold);
    }

    [Theory]
    [InlineData(ColumnKind.Numeric, 50L, "wasserstein_rank", DriftInputShape.Values)]
    [InlineData(ColumnKind.Datetime, 6L, "wasserstein_rank", DriftInputShape.Values)]
    [InlineData(ColumnKind.Numeric, 5L, "jensenshannon", DriftInputShape.Bins)]
    public void A_heavy_tailed_number_is_measured_on_the_rank_scale(ColumnKind kind, long distinct, string effect, DriftInputShape input)
    {
        var plan = AutoDriftPolicy.Choose(kind, 5_000, 5_000, distinct, heavyTailed: true)!;

        Assert.Equal((effect, input), (plan.EffectMeasure.Id, plan.Input));
    }

    [Theory]
    [InlineData(1.0, -0.6745, 0.6745, false)] // a standard normal
    [InlineData(2.0, -0.6745, 0.6745, false)] // twice a normal's spread: the limit itself
    [InlineData(2.01, -0.6745, 0.6745, true)]
    [InlineData(54.1, 0.26, 3.85, true)] // lognormal, sigma 2
    [InlineData(3.0, 0.0, 0.0, true)] // a constant middle half with a tail
    [InlineData(0.0, 0.0, 0.0, false)] // a constant column
    public void Heavy_tails_are_a_standard_deviation_over_twice_what_the_middle_half_implies(double sd, double q25, double q75, bool heavy)
    {
        Assert.Equal(heavy, AutoDriftPolicy.IsHeavyTailed(sd, q25, q75));
    }

    [Fact]
    public void Free_text_is_not_compared()
    {
        Assert.Null(AutoDriftPolicy.Choose(ColumnKind.Text, 10_000, 10_000, 9_000));
    }
}
