using ModelGates.Models.Metrics;

namespace ModelGates.Tests.Models;

public sealed class RegressionMetricOracleTests
{
    public static TheoryData<string, string> Pairs() => MetricOracle.CaseMetricPairs("regression");

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Metric_equals_scikit_learn(string caseName, string metricId)
    {
        var oracleCase = MetricOracle.Case("regression", caseName);
        var metric = MetricRegistry.ResolveRegression(metricId);

        var actual = metric.Compute(MetricOracle.Regression(oracleCase));

        MetricOracle.AssertMatches(MetricOracle.Expected(oracleCase, metricId), actual, $"{caseName}/{metricId}");
    }

    [Fact]
    public void Constant_labels_with_inexact_mean_still_follow_the_force_finite_rule()
    {
        // 0.1 three times has a floating-point mean of 0.10000000000000002; the denominator must still be 0.
        var predictions = new ModelGates.Models.Predictions.RegressionPredictions([0.1, 0.1, 0.1], [0.1, 0.2, 0.1]);

        Assert.Equal(0.0, new R2Metric().Compute(predictions).Value);
    }
}
