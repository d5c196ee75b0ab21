using System.Text.Json;
using ModelGates.Drift.Engine.Correction;
using ModelGates.Drift.Engine.Options;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Models.Segments;

namespace ModelGates.Tests.Models.Segments;

/// <summary>The statistics of the weak-segment search against eng/oracles/weak_segments.json (SciPy, scikit-learn).</summary>
public sealed class WeakSegmentOracleTests
{
    private static readonly Lazy<JsonElement> Oracle = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "oracles", "weak_segments.json"));
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    public static TheoryData<string> WelchCases() => [.. Oracle.Value.GetProperty("welch").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(WelchCases))]
    public void The_one_sided_Welch_test_matches_SciPy(string name)
    {
        var c = Oracle.Value.GetProperty("welch").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

        var (t, df, p) = WelchTest.Greater(Numbers(c.GetProperty("inside")), Numbers(c.GetProperty("outside")));

        Assert.Equal(c.GetProperty("t").GetDouble(), t, 1e-10);
        Assert.Equal(c.GetProperty("df").GetDouble(), df, 1e-8);
        var expected = c.GetProperty("p").GetDouble();
        Assert.True(Math.Abs(p - expected) <= 1e-9 * Math.Max(expected, 1e-300) + 1e-14, $"p {p:R}, SciPy {expected:R}");
    }

    [Fact]
    public void The_family_of_segment_tests_is_Holm_adjusted_as_statsmodels_does()
    {
        var holm = Oracle.Value.GetProperty("holm");

        var adjusted = PValueAdjustment.Adjust(Numbers(holm.GetProperty("p")), MultipleTestingCorrection.Holm);

        var expected = Numbers(holm.GetProperty("adjusted"));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(adjusted[i] - expected[i]) <= 1e-12 * Math.Max(expected[i], 1e-300), $"{i}: {adjusted[i]:R} vs {expected[i]:R}");
        }
    }

    [Fact]
    public void The_mean_per_row_loss_of_a_segment_is_scikit_learns_metric_on_its_rows()
    {
        var cases = Oracle.Value.GetProperty("losses").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        var binaryCase = cases["binary"];
        var binary = new BinaryPredictionSet(new BinaryPredictions(Integers(binaryCase.GetProperty("labels")), Numbers(binaryCase.GetProperty("scores"))), MetricSettings.Default);
        var multiclassCase = cases["multiclass"];
        var rows = multiclassCase.GetProperty("probabilities").EnumerateArray().Select(r => Numbers(r)).ToList();
        var probabilities = new double[rows.Count, rows[0].Length];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var k = 0; k < rows[i].Length; k++)
            {
                probabilities[i, k] = rows[i][k];
            }
        }

        var multiclass = new MulticlassPredictionSet(new MulticlassPredictions(Integers(multiclassCase.GetProperty("labels")), probabilities), ["0", "1", "2"], MetricSettings.Default);
        var regressionCase = cases["regression"];
        var regression = new RegressionPredictionSet(new RegressionPredictions(Numbers(regressionCase.GetProperty("labels")), Numbers(regressionCase.GetProperty("predictions"))));

        Assert.Equal(binaryCase.GetProperty("logLoss").GetDouble(), Mean(RowLoss.Of(binary, "logLoss"), binaryCase), 12);
        Assert.Equal(multiclassCase.GetProperty("logLoss").GetDouble(), Mean(RowLoss.Of(multiclass, "logLoss"), multiclassCase), 12);
        Assert.Equal(regressionCase.GetProperty("mse").GetDouble(), Mean(RowLoss.Of(regression, "rmse"), regressionCase), 12);
        Assert.Equal(regressionCase.GetProperty("mae").GetDouble(), Mean(RowLoss.Of(regression, "mae"), regressionCase), 12);
        Assert.Equal("squared error", RowLoss.Name(regression, "rmse"));
        Assert.Equal("log loss", RowLoss.Name(binary, "auc"));
    }

    private static double Mean(double[] loss, JsonElement c) => Integers(c.GetProperty("rows")).Average(r => loss[r]);

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static int[] Integers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}
