using ModelGates.Monitoring.Estimation;

namespace ModelGates.Tests.Monitoring.Estimation;

public sealed class ExpectedConfusionTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Cases => EstimationOracle.Names("confusion");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expected_counts_metrics_and_standard_errors_equal_numpys(string name)
    {
        var oracle = EstimationOracle.Case("confusion", name);
        var scores = EstimationOracle.Doubles(oracle.GetProperty("scores"));
        var probabilities = EstimationOracle.Doubles(oracle.GetProperty("probabilities"));
        var expected = oracle.GetProperty("expected");
        var errors = oracle.GetProperty("standardErrors");

        var confusion = ExpectedConfusion.Of(scores, probabilities, oracle.GetProperty("threshold").GetDouble());

        EstimationOracle.Close(expected.GetProperty("tp").GetDouble(), confusion.TruePositive, Tolerance);
        EstimationOracle.Close(expected.GetProperty("fp").GetDouble(), confusion.FalsePositive, Tolerance);
        EstimationOracle.Close(expected.GetProperty("tn").GetDouble(), confusion.TrueNegative, Tolerance);
        EstimationOracle.Close(expected.GetProperty("fn").GetDouble(), confusion.FalseNegative, Tolerance);
        foreach (var (metric, result) in new[]
        {
            ("accuracy", confusion.Accuracy()),
            ("precision", confusion.Precision()),
            ("recall", confusion.Recall()),
            ("f1", confusion.F1()),
        })
        {
            EstimationOracle.Close(expected.GetProperty(metric).GetDouble(), result.Value, Tolerance);
            EstimationOracle.Close(errors.GetProperty(metric).GetDouble(), result.StandardError, Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expected_auc_equals_scikit_learns_auc_of_rows_weighted_by_their_probabilities(string name)
    {
        var oracle = EstimationOracle.Case("confusion", name);
        var scores = EstimationOracle.Doubles(oracle.GetProperty("scores"));
        var probabilities = EstimationOracle.Doubles(oracle.GetProperty("probabilities"));

        var auc = ExpectedRocAuc.Value(scores, probabilities);

        EstimationOracle.Close(oracle.GetProperty("expected").GetProperty("auc").GetDouble(), auc, Tolerance);
    }

    [Fact]
    public void Auc_standard_error_of_a_large_window_from_a_subsample_matches_the_full_bootstrap()
    {
        var random = new Random(6);
        var rows = 3 * ExpectedRocAuc.MaximumBootstrapRows;
        var scores = Enumerable.Range(0, rows).Select(_ => Math.Round(random.NextDouble(), 4)).ToArray();
        var probabilities = scores.Select(s => 0.1 + (0.8 * s)).ToArray();
        var (_, subsampled) = ExpectedRocAuc.Estimate(scores, probabilities);

        // Draw the labels of every row, as the bootstrap would without the cap.
        var order = Enumerable.Range(0, rows).OrderBy(i => scores[i]).ToArray();
        var labels = new bool[rows];
        var realized = new List<double>();
        for (var r = 0; r < 200; r++)
        {
            for (var i = 0; i < rows; i++)
            {
                labels[i] = random.NextDouble() < probabilities[i];
            }

            realized.Add(SimulatedStream.RocAuc(scores, labels, order));
        }

        var mean = realized.Average();
        var spread = Math.Sqrt(realized.Sum(v => (v - mean) * (v - mean)) / (realized.Count - 1));
        Assert.InRange(subsampled / spread, 0.8, 1.2);
    }

    [Fact]
    public void Auc_is_undefined_when_no_positive_is_expected()
    {
        var (value, error) = ExpectedRocAuc.Estimate([0.1, 0.2, 0.3], [0.0, 0.0, 0.0]);

        Assert.True(double.IsNaN(value));
        Assert.True(double.IsNaN(error));
    }

    [Fact]
    public void Auc_standard_error_matches_the_spread_of_realized_aucs_over_drawn_labels()
    {
        // The bootstrap inside ExpectedRocAuc uses its own seed; here labels are drawn independently many times.
        var random = new Random(5);
        var scores = Enumerable.Range(0, 400).Select(_ => random.NextDouble()).ToArray();
        var probabilities = scores.Select(s => 0.1 + (0.8 * s)).ToArray();
        var (_, error) = ExpectedRocAuc.Estimate(scores, probabilities);

        var realized = new List<double>();
        for (var r = 0; r < 2000; r++)
        {
            var labels = probabilities.Select(p => random.NextDouble() < p).ToArray();
            realized.Add(SimulatedStream.RocAuc(scores, labels));
        }

        var mean = realized.Average();
        var spread = Math.Sqrt(realized.Sum(v => (v - mean) * (v - mean)) / (realized.Count - 1));
        Assert.InRange(error / spread, 0.85, 1.15);
    }
}
