using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

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
        var known = MetricRegistry.KnownIds(ModelTask.Binary);

        // Every metric an evaluation computes, and other members of every parameterised family.
        Assert.Equal(known.Where(id => !MetricRegistry.IsPattern(id)).Order(), ids.Where(known.Contains).Order());
        Assert.All(ids, id => Assert.Null(MetricRegistry.Problem(ModelTask.Binary, id)));
        foreach (var pattern in known.Where(MetricRegistry.IsPattern))
        {
            Assert.Contains(ids, id => id.StartsWith(MetricRegistry.PatternPrefix(pattern), StringComparison.Ordinal) && !known.Contains(id));
        }

        var names = MetricOracle.Cases("binary").Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("tied_scores_rounded_to_tenths", names);
        Assert.Contains("single_class_negative", names);
        Assert.Contains("probabilities_exactly_0_and_1", names);
        Assert.Contains("one_row_positive", names);
        Assert.Contains("credit_scores_tied_at_the_cuts_1005_rows", names);
        Assert.Contains("probabilities_on_bin_edges", names);
        Assert.Contains("separated_classes", names);
        Assert.Contains("quasi_separated_classes", names);
        Assert.Contains("all_scores_equal", names);
        Assert.Contains("two_rows_one_of_each", names);
    }
}
