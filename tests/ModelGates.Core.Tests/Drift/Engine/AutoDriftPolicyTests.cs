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
        { ColumnKind.Categorical, 50, 50, 7, "chisquare", "jensenshannon", DriftInputShape.Categories },
        { ColumnKind.Boolean, 999, 100_000, 2, "fisher_exact", "jensenshannon", DriftInputShape.Categories },
        { ColumnKind.Boolean, 1_000, 1_000, 2, "z", "jensenshannon", DriftInputShape.Categories },
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

    [Fact]
    public void Free_text_is_not_compared()
    {
        Assert.Null(AutoDriftPolicy.Choose(ColumnKind.Text, 10_000, 10_000, 9_000));
    }
}
