using ModelGates.Diagnostics;
using ModelGates.Monitoring.Estimation;

namespace ModelGates.Tests.Monitoring.Estimation;

/// <summary>
/// DLE on a seeded simulated regression stream: features x1 ~ N(shift, 1) and x2 ~ N(0, 1), a model predicting
/// x1 + 0.4·x2² for a truth x1 + 0.5·x2² + noise whose spread grows with x1 (0.3 + 0.3·|x1|). Reference of 20,000
/// rows, 20 windows of 1,000. The rule, stated in docs/monitoring-estimation.md: under covariate shift the realized
/// MAE and RMSE lie within the band in at least 18 of 20 windows; under concept drift outside it in at least 18.
/// </summary>
public sealed class DleEstimatorTests
{
    private const int Windows = 20;
    private const int WindowRows = 1_000;
    private static readonly Func<double, double, double> ReferenceTruthShift = (_, _) => 0;

    private static readonly Lazy<DleEstimator> Fitted = new(() =>
    {
        var (features, predictions, labels) = Stream(new Random(31), 20_000, 0, ReferenceTruthShift);
        return DleEstimator.Fit(features, predictions, labels);
    });

    [Fact]
    public void Estimates_follow_the_realized_losses_under_covariate_shift()
    {
        var random = new Random(32);
        var inside = new Dictionary<string, int>(StringComparer.Ordinal) { ["mae"] = 0, ["rmse"] = 0 };
        var realizedMae = new List<double>();

        for (var w = 0; w < Windows; w++)
        {
            var shift = -1 + (2.5 * w / (Windows - 1));
            var (features, predictions, labels) = Stream(random, WindowRows, shift, ReferenceTruthShift);
            var realized = Realized(predictions, labels);
            foreach (var estimate in Fitted.Value.Estimate(features, predictions))
            {
                if (realized[estimate.Metric] >= estimate.Lower && realized[estimate.Metric] <= estimate.Upper)
                {
                    inside[estimate.Metric]++;
                }
            }

            realizedMae.Add(realized["mae"]);
        }

        Assert.True(realizedMae.Max() > 1.3 * realizedMae.Min(), $"realized MAE only ranged {realizedMae.Min()}..{realizedMae.Max()}");
        Assert.All(inside, pair => Assert.True(pair.Value >= 18, $"{pair.Key}: realized within the band in {pair.Value} of {Windows} windows"));
    }

    [Fact]
    public void Estimates_visibly_fail_under_concept_drift()
    {
        var random = new Random(33);
        var outside = new Dictionary<string, int>(StringComparer.Ordinal) { ["mae"] = 0, ["rmse"] = 0 };

        for (var w = 0; w < Windows; w++)
        {
            // The same features, but the truth now also depends on x2 linearly: a relation the model never saw.
            var (features, predictions, labels) = Stream(random, WindowRows, 0, (_, x2) => 0.6 * x2);
            var realized = Realized(predictions, labels);
            foreach (var estimate in Fitted.Value.Estimate(features, predictions))
            {
                if (realized[estimate.Metric] < estimate.Lower || realized[estimate.Metric] > estimate.Upper)
                {
                    outside[estimate.Metric]++;
                }
            }
        }

        Assert.All(outside, pair => Assert.True(pair.Value >= 18, $"{pair.Key}: realized outside the band in only {pair.Value} of {Windows} windows"));
    }

    [Fact]
    public void Estimates_are_mae_then_rmse_and_the_same_every_run()
    {
        var (features, predictions, _) = Stream(new Random(34), 500, 0.5, ReferenceTruthShift);

        var first = Fitted.Value.Estimate(features, predictions);
        var second = Fitted.Value.Estimate(features, predictions);

        Assert.Equal(["mae", "rmse"], first.Select(e => e.Metric));
        Assert.Equal(first, second);
        Assert.All(first, e => Assert.True(e.Value > 0 && e.Lower < e.Value && e.Value < e.Upper, e.ToString()));
        Assert.True(first[1].Value >= first[0].Value * 0.9, "an RMSE far below the MAE means the loss models disagree");
    }

    [Fact]
    public void Window_with_another_number_of_features_is_MG6023()
    {
        var error = Assert.Throws<ModelGatesException>(() => Fitted.Value.Estimate([new double[3]], new double[3]));

        Assert.Equal(ExitCodes.DataError, error.ExitCode);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("MG6023", diagnostic.Code);
        Assert.Contains("fitted on 2 feature columns", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_feature_is_MG6022_and_a_missing_one_is_estimated()
    {
        var x1 = new[] { 0.1, double.NaN, 0.3 };
        var x2 = new[] { 0.0, 1.0, double.PositiveInfinity };

        var error = Assert.Throws<ModelGatesException>(() => Fitted.Value.Estimate([x1, x2], [0.1, 0.2, 0.3]));
        Assert.Contains("window feature 2 of row 3 is infinite", Assert.Single(error.Diagnostics).Message, StringComparison.Ordinal);

        var estimates = Fitted.Value.Estimate([x1, [0.0, 1.0, 2.0]], [0.1, 0.2, 0.3]);
        Assert.All(estimates, e => Assert.True(double.IsFinite(e.Value), e.ToString()));
    }

    [Fact]
    public void Small_reference_is_MG6020()
    {
        var (features, predictions, labels) = Stream(new Random(35), 60, 0, ReferenceTruthShift);

        var error = Assert.Throws<ModelGatesException>(() => DleEstimator.Fit(features, predictions, labels));

        Assert.Equal("MG6020", Assert.Single(error.Diagnostics).Code);
    }

    private static (double[][] Features, double[] Predictions, double[] Labels) Stream(
        Random random, int rows, double shift, Func<double, double, double> drift)
    {
        var x1 = new double[rows];
        var x2 = new double[rows];
        var predictions = new double[rows];
        var labels = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = shift + SimulatedStream.Gaussian(random);
            x2[i] = SimulatedStream.Gaussian(random);
            predictions[i] = x1[i] + (0.4 * x2[i] * x2[i]);
            var noise = (0.3 + (0.3 * Math.Abs(x1[i]))) * SimulatedStream.Gaussian(random);
            labels[i] = x1[i] + (0.5 * x2[i] * x2[i]) + noise + drift(x1[i], x2[i]);
        }

        return ([x1, x2], predictions, labels);
    }

    private static Dictionary<string, double> Realized(double[] predictions, double[] labels)
    {
        double absolute = 0, squared = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var error = labels[i] - predictions[i];
            absolute += Math.Abs(error);
            squared += error * error;
        }

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["mae"] = absolute / labels.Length,
            ["rmse"] = Math.Sqrt(squared / labels.Length),
        };
    }
}
