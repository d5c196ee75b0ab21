using System.Text.Json;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Tests.Models;

/// <summary>
/// The scikit-learn fixtures written by eng/oracles/metrics_oracles.py: inputs and expected values
/// for every metric, read from the test output folder (oracles/metrics.json).
/// </summary>
internal static class MetricOracle
{
    public const double RelativeTolerance = 1e-9;

    // Values that are exactly 0 in one implementation can be a few ulps of 1 away from 0 in the
    // other (−log(1 − 2^-52)); below this they count as equal.
    private const double AbsoluteFloor = 1e-15;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "oracles", "metrics.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Cases(string task) => Root.GetProperty(task).EnumerateArray();

    public static JsonElement Case(string task, string name) =>
        Cases(task).Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>One theory row per (case, metric) pair of a task, so each shows as its own test.</summary>
    public static TheoryData<string, string> CaseMetricPairs(string task)
    {
        var data = new TheoryData<string, string>();
        foreach (var oracleCase in Cases(task))
        {
            foreach (var expected in oracleCase.GetProperty("expected").EnumerateObject())
            {
                data.Add(oracleCase.GetProperty("name").GetString()!, expected.Name);
            }
        }

        return data;
    }

    public static double? Expected(JsonElement oracleCase, string metricId)
    {
        var value = oracleCase.GetProperty("expected").GetProperty(metricId);
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
    }

    public static BinaryPredictions Binary(JsonElement c) => new(
        Ints(c.GetProperty("labels")),
        Doubles(c.GetProperty("scores")),
        OptionalDoubles(c.GetProperty("weights")),
        c.GetProperty("scoreKind").GetString() == "probability" ? BinaryScoreKind.Probability : BinaryScoreKind.Score);

    public static MulticlassPredictions Multiclass(JsonElement c)
    {
        var rows = c.GetProperty("probabilities").EnumerateArray().Select(Doubles).ToArray();
        var classCount = c.GetProperty("classCount").GetInt32();
        var matrix = new double[rows.Length, classCount];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var k = 0; k < classCount; k++)
            {
                matrix[i, k] = rows[i][k];
            }
        }

        return new MulticlassPredictions(Ints(c.GetProperty("labels")), matrix, OptionalDoubles(c.GetProperty("weights")));
    }

    public static RegressionPredictions Regression(JsonElement c) => new(
        Doubles(c.GetProperty("labels")),
        Doubles(c.GetProperty("predictions")),
        OptionalDoubles(c.GetProperty("weights")));

    public static void AssertMatches(double? expected, MetricValue actual, string what)
    {
        if (expected is null)
        {
            Assert.False(actual.IsDefined, $"{what}: scikit-learn oracle says undefined, got {actual}");
            Assert.False(string.IsNullOrWhiteSpace(actual.UndefinedReason), $"{what}: an undefined value must say why");
            return;
        }

        Assert.True(actual.IsDefined, $"{what}: expected {expected.Value:R}, got {actual}");
        AssertClose(expected.Value, actual.Value!.Value, what);
    }

    public static void AssertClose(double expected, double actual, string what)
    {
        var difference = Math.Abs(actual - expected);
        Assert.True(
            difference <= (RelativeTolerance * Math.Abs(expected)) + AbsoluteFloor,
            $"{what}: expected {expected:R}, got {actual:R} (relative difference {difference / Math.Abs(expected):E2})");
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static double[]? OptionalDoubles(JsonElement array) =>
        array.ValueKind == JsonValueKind.Null ? null : Doubles(array);
}
