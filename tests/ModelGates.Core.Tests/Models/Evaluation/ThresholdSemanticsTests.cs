using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Metrics;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>Every threshold kind passes exactly at its bound and fails just beyond it.</summary>
public sealed class ThresholdSemanticsTests
{
    private const string Where = "on holdout";

    [Theory]
    [InlineData(0.8, ThresholdStatus.Passed)]
    [InlineData(0.79999999999999993, ThresholdStatus.Failed)]
    [InlineData(0.9, ThresholdStatus.Passed)]
    public void Min_passes_at_equality(double value, ThresholdStatus expected)
    {
        var outcome = ThresholdEvaluator.Absolute(new MetricThreshold("auc", ThresholdKind.Min, 0.8), null, MetricValue.Defined(value), Where);
        Assert.Equal(expected, outcome.Status);
        Assert.Equal(value, outcome.Measured);
    }

    [Theory]
    [InlineData(0.5, ThresholdStatus.Passed)]
    [InlineData(0.50000000000000011, ThresholdStatus.Failed)]
    public void Max_passes_at_equality(double value, ThresholdStatus expected)
    {
        var outcome = ThresholdEvaluator.Absolute(new MetricThreshold("logLoss", ThresholdKind.Max, 0.5), null, MetricValue.Defined(value), Where);
        Assert.Equal(expected, outcome.Status);
        Assert.Equal(expected == ThresholdStatus.Failed ? "MG4002" : null, outcome.Descriptor?.Code);
    }

    [Fact]
    public void MaxDrop_passes_at_the_bound_despite_floating_point_rounding_and_fails_beyond_it()
    {
        var threshold = new MetricThreshold("auc", ThresholdKind.MaxDrop, 0.02);
        Assert.Equal(0.020000000000000018, 0.85 - 0.83);
        Assert.Equal(ThresholdStatus.Passed, ThresholdEvaluator.Change(threshold, MetricDirection.HigherIsBetter, MetricValue.Defined(0.83), 0.85, null, Where).Status);
        var failed = ThresholdEvaluator.Change(threshold, MetricDirection.HigherIsBetter, MetricValue.Defined(0.8299), 0.85, null, Where);
        Assert.Equal(ThresholdStatus.Failed, failed.Status);
        Assert.Equal("MG4003", failed.Descriptor!.Code);
        Assert.Equal(0.85 - 0.8299, failed.Measured!.Value, 1e-15);
    }

    [Fact]
    public void MaxDrop_of_a_lower_is_better_metric_is_an_increase()
    {
        var threshold = new MetricThreshold("logLoss", ThresholdKind.MaxDrop, 0.05);
        Assert.Equal(ThresholdStatus.Passed, ThresholdEvaluator.Change(threshold, MetricDirection.LowerIsBetter, MetricValue.Defined(0.45), 0.40, null, Where).Status);
        Assert.Equal(ThresholdStatus.Failed, ThresholdEvaluator.Change(threshold, MetricDirection.LowerIsBetter, MetricValue.Defined(0.4501), 0.40, null, Where).Status);

        // A large decrease of log loss is an improvement, never a drop.
        Assert.Equal(ThresholdStatus.Passed, ThresholdEvaluator.Change(threshold, MetricDirection.LowerIsBetter, MetricValue.Defined(0.1), 0.40, null, Where).Status);
    }

    [Fact]
    public void MaxRelativeDrop_is_a_share_of_the_baseline()
    {
        var threshold = new MetricThreshold("auc", ThresholdKind.MaxRelativeDrop, 0.25);
        Assert.Equal(ThresholdStatus.Passed, ThresholdEvaluator.Change(threshold, MetricDirection.HigherIsBetter, MetricValue.Defined(0.6), 0.8, null, Where).Status);
        var failed = ThresholdEvaluator.Change(threshold, MetricDirection.HigherIsBetter, MetricValue.Defined(0.5999), 0.8, null, Where);
        Assert.Equal(ThresholdStatus.Failed, failed.Status);
        Assert.Equal((0.8 - 0.5999) / 0.8, failed.Measured!.Value, 1e-15);
        Assert.Equal(double.PositiveInfinity, ThresholdEvaluator.RelativeDrop(0.1, 0.0));
        Assert.Equal(0.0, ThresholdEvaluator.RelativeDrop(0.0, 0.0));
    }

    [Fact]
    public void Change_without_a_baseline_fails_with_MG4007()
    {
        var outcome = ThresholdEvaluator.Change(new MetricThreshold("auc", ThresholdKind.MaxDrop, 0.02), MetricDirection.HigherIsBetter, MetricValue.Defined(0.8), null, null, Where);
        Assert.Equal(ThresholdStatus.NoBaseline, outcome.Status);
        Assert.True(outcome.IsFailure);
        Assert.Equal("MG4007", outcome.Descriptor!.Code);
    }

    [Fact]
    public void Regression_beyond_the_bound_that_is_not_significant_passes_with_MG4009()
    {
        var threshold = new MetricThreshold("auc", ThresholdKind.MaxDrop, 0.02);
        var notSignificant = ThresholdEvaluator.Change(threshold, MetricDirection.HigherIsBetter, MetricValue.Defined(0.8), 0.85, new ChangeSignificance(0.2, 0.05, "test"), Where);
        Assert.Equal(ThresholdStatus.Passed, notSignificant.Status);
        Assert.Equal("MG4009", notSignificant.Descriptor!.Code);
        var significant = ThresholdEvaluator.Change(threshold, MetricDirection.HigherIsBetter, MetricValue.Defined(0.8), 0.85, new ChangeSignificance(0.05, 0.05, "test"), Where);
        Assert.Equal(ThresholdStatus.Failed, significant.Status);
    }

    [Fact]
    public void Undefined_metric_never_passes()
    {
        var outcome = ThresholdEvaluator.Absolute(new MetricThreshold("auc", ThresholdKind.Min, 0.0), null, MetricValue.Undefined("only one class"), Where);
        Assert.Equal(ThresholdStatus.Undefined, outcome.Status);
        Assert.True(outcome.IsFailure);
        Assert.Equal("MG4005", outcome.Descriptor!.Code);
    }

    [Fact]
    public void MaxGap_passes_at_equality_and_needs_two_defined_slices()
    {
        var threshold = new MetricThreshold("recall", ThresholdKind.MaxGap, 0.3);
        KeyValuePair<string, MetricValue> S(string name, double v) => new(name, MetricValue.Defined(v));
        Assert.Equal(ThresholdStatus.Passed, ThresholdEvaluator.Gap(threshold, "Home", [S("a", 0.9), S("b", 0.6), S("c", 0.7)]).Status);
        var failed = ThresholdEvaluator.Gap(threshold, "Home", [S("a", 0.9), S("b", 0.5999)]);
        Assert.Equal(ThresholdStatus.Failed, failed.Status);
        Assert.Contains("a: 0.9", failed.Message, StringComparison.Ordinal);
        Assert.Equal(ThresholdStatus.Insufficient, ThresholdEvaluator.Gap(threshold, "Home", [S("a", 0.9), new("b", MetricValue.Undefined("x"))]).Status);
    }
}
