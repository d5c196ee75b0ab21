using System.Text.Json;
using ModelGates.Drift;

namespace ModelGates.Tests.Drift;

/// <summary>Every drift test against SciPy on every committed fixture (eng/oracles/drift.json).</summary>
public sealed class DriftOracleTests
{
    public static TheoryData<string, string> ValueCases() => Pairs(DriftOracle.ValueCases);

    public static TheoryData<string, string> CountCases() => Pairs(DriftOracle.CountCases);

    [Theory]
    [MemberData(nameof(ValueCases))]
    public void Value_test_agrees_with_SciPy(string caseName, string testId)
    {
        var fixture = DriftOracle.ValueCase(caseName);
        var (reference, current) = DriftOracle.Samples(fixture);
        var result = DriftTestRegistry.Get(testId).Compute(reference, current);
        var absolute = testId == "cramer_von_mises" ? OracleAssert.CramerVonMisesAbsoluteTolerance : 0;
        Check(fixture.GetProperty("results").GetProperty(testId), result, $"{testId} on {caseName}", absolute);
    }

    [Theory]
    [MemberData(nameof(CountCases))]
    public void Count_test_agrees_with_SciPy(string caseName, string testId)
    {
        var fixture = DriftOracle.CountCase(caseName);
        var (reference, current) = DriftOracle.Counts(fixture);
        var result = DriftTestRegistry.Get(testId).Compute(reference, current);
        Check(fixture.GetProperty("results").GetProperty(testId), result, $"{testId} on {caseName}");
    }

    [Fact]
    public void Every_test_has_oracle_cases()
    {
        var covered = DriftOracle.ValueCases.Concat(DriftOracle.CountCases)
            .SelectMany(c => c.GetProperty("results").EnumerateObject().Select(p => p.Name))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(DriftTestRegistry.All, test => Assert.Contains(test.Id, covered));
    }

    [Fact]
    public void Oracle_was_written_by_the_pinned_SciPy()
    {
        Assert.Equal("1.10.1", DriftOracle.Document.GetProperty("scipy").GetString());
        Assert.Equal(
            ModelGates.Drift.Tests.PopulationStabilityIndexTest.Epsilon,
            DriftOracle.Document.GetProperty("smoothing_epsilon").GetDouble());
    }

    private static void Check(JsonElement expected, DriftTestResult result, string what, double absolutePValueTolerance = 0)
    {
        // Where SciPy raises or returns NaN, the oracle records SciPy's outcome and ModelGates' documented convention.
        if (expected.TryGetProperty("expected", out var convention))
        {
            Assert.False(string.IsNullOrEmpty(expected.GetProperty("scipy").GetString()));
            expected = convention;
        }

        OracleAssert.Statistic(DriftOracle.Number(expected.GetProperty("statistic")), result.Statistic, what);
        if (expected.TryGetProperty("pvalue", out var pValue))
        {
            OracleAssert.PValue(DriftOracle.Number(pValue), result.PValue, what, absolutePValueTolerance);
            Assert.Equal(OracleAssert.Method(expected.GetProperty("method").GetString()!), result.Method);
        }
        else
        {
            Assert.Null(result.PValue);
            Assert.Null(result.Method);
        }
    }

    private static TheoryData<string, string> Pairs(IEnumerable<JsonElement> cases)
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in cases)
        {
            foreach (var result in fixture.GetProperty("results").EnumerateObject())
            {
                data.Add(fixture.GetProperty("name").GetString()!, result.Name);
            }
        }

        return data;
    }
}
