using ModelGates.Monitoring.Estimation;

namespace ModelGates.Tests.Monitoring.Estimation;

public sealed class IsotonicCalibratorTests
{
    public static TheoryData<string> Cases => EstimationOracle.Names("isotonic");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predictions_equal_scikit_learns_isotonic_regression_with_clipping(string name)
    {
        var oracle = EstimationOracle.Case("isotonic", name);
        var calibrator = IsotonicCalibrator.Fit(
            EstimationOracle.Doubles(oracle.GetProperty("scores")),
            EstimationOracle.Booleans(oracle.GetProperty("labels")));

        var actual = calibrator.Calibrate(EstimationOracle.Doubles(oracle.GetProperty("at")));

        var expected = EstimationOracle.Doubles(oracle.GetProperty("expected"));
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            EstimationOracle.Close(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Fitted_values_never_decrease()
    {
        var random = new Random(11);
        var scores = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s * s).ToArray();
        var calibrator = IsotonicCalibrator.Fit(scores, labels);

        var grid = Enumerable.Range(0, 201).Select(i => (i / 100.0) - 0.5).ToArray();
        var values = calibrator.Calibrate(grid);

        for (var i = 1; i < values.Length; i++)
        {
            Assert.True(values[i] >= values[i - 1], $"{values[i]} < {values[i - 1]} at {grid[i]}");
        }

        Assert.InRange(values[0], 0, 1);
        Assert.InRange(values[^1], 0, 1);
    }
}
