using ModelGates.Models.Metrics;

namespace ModelGates.Tests.Models;

public sealed class BinaryMetricOracleTests
{
    public static TheoryData<string, string> Pairs() => MetricOracle.CaseMetricPairs("binary");

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Metric_equals_scikit_learn(string caseName, string metricId)
    {
        var oracleCase = MetricOracle.Case("binary", caseName);
        var settings = new MetricSettings { DecisionThreshold = oracleCase.GetProperty("threshold").GetDouble() };
        var metric = MetricRegistry.ResolveBinary(metricId, settings);

        var actual = metric.Compute(MetricOracle.Binary(oracleCase));

        MetricOracle.AssertMatches(MetricOracle.Expected(oracleCase, metricId), actual, $"{caseName}/{metricId}");
    }

    [Fact]
    public void Fixtures_cover_every_binary_metric_and_the_edge_cases()
    {
        var ids = MetricOracle.Cases("binary").SelectMany(c => c.GetProperty("expected").EnumerateObject().Select(p => p.Name)).ToHashSet();
        Assert.Equal(MetricRegistry.KnownIds(ModelGates.Models.Predictions.ModelTask.Binary).Order(), ids.Order());
        var names = MetricOracle.Cases("binary").Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("tied_scores_rounded_to_tenths", names);
        Assert.Contains("single_class_negative", names);
        Assert.Contains("probabilities_exactly_0_and_1", names);
        Assert.Contains("one_row_positive", names);
    }
}
