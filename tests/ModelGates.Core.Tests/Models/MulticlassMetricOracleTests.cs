using ModelGates.Models.Metrics;

namespace ModelGates.Tests.Models;

public sealed class MulticlassMetricOracleTests
{
    public static TheoryData<string, string> Pairs() => MetricOracle.CaseMetricPairs("multiclass");

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Metric_equals_scikit_learn(string caseName, string metricId)
    {
        var oracleCase = MetricOracle.Case("multiclass", caseName);
        var settings = new MetricSettings { TopK = oracleCase.GetProperty("topK").GetInt32() };
        var metric = MetricRegistry.ResolveMulticlass(metricId, settings);

        var actual = metric.Compute(MetricOracle.Multiclass(oracleCase));

        MetricOracle.AssertMatches(MetricOracle.Expected(oracleCase, metricId), actual, $"{caseName}/{metricId}");
    }

    [Fact]
    public void Argmax_ties_go_to_the_lowest_class_but_top_k_ties_to_the_highest_as_scikit_learn()
    {
        // Row [0.4, 0.4, 0.2] labelled 1: predicted class 0 (argmax), yet top-1 contains class 1.
        var predictions = new ModelGates.Models.Predictions.MulticlassPredictions([1], new[,] { { 0.4, 0.4, 0.2 } });

        Assert.Equal(0, predictions.PredictedClasses[0]);
        Assert.Equal(0.0, new MulticlassAccuracyMetric().Compute(predictions).Value);
        Assert.Equal(1.0, new TopKAccuracyMetric(1).Compute(predictions).Value);
    }
}
