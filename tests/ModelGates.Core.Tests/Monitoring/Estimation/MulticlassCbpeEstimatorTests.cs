using ModelGates.Diagnostics;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Monitoring.Estimation;
using static ModelGates.Tests.Monitoring.Estimation.MulticlassOracle;

namespace ModelGates.Tests.Monitoring.Estimation;

/// <summary>
/// Multiclass CBPE against eng/oracles/multiclass_estimation_oracles.py (NumPy and scikit-learn), and on seeded simulated
/// three-class streams: 20 windows of 1,000 rows after a reference of 20,000, the rule of docs/monitoring-estimation.md
/// (under covariate shift the realized metric lies within the band in at least 18 of 20 windows for every metric; under
/// concept drift the realized value of every metric lies outside it in at least 18 of 20).
/// </summary>
public sealed class MulticlassCbpeEstimatorTests
{
    private const int Windows = 20;
    private const int WindowRows = 1_000;

    public static TheoryData<string> ExpectationCases => Names("expectation");

    [Theory]
    [MemberData(nameof(ExpectationCases))]
    public void The_expected_metrics_of_given_calibrated_probabilities_are_numpys(string name)
    {
        var c = Case("expectation", name);
        var k = c.GetProperty("classes").GetInt32();

        var expectation = MulticlassExpectation.Of(Doubles(c.GetProperty("model")), Doubles(c.GetProperty("calibrated")), k);

        var expected = c.GetProperty("expected");
        Close(expected.GetProperty("accuracy").GetDouble(), expectation.Accuracy);
        Close(expected.GetProperty("accuracyStandardError").GetDouble(), expectation.AccuracyStandardError);
        Close(expected.GetProperty("macroPrecision").GetDouble(), expectation.MacroPrecision);
        Close(expected.GetProperty("macroRecall").GetDouble(), expectation.MacroRecall);
        Close(expected.GetProperty("macroF1").GetDouble(), expectation.MacroF1);
        Close(expected.GetProperty("macroAuc").GetDouble(), expectation.MacroAuc);
    }

    [Fact]
    public void Each_class_is_calibrated_one_vs_rest_as_scikit_learns_isotonic_regression_and_rows_renormalised()
    {
        var c = Case("calibration", "underconfident_three_classes");
        var k = c.GetProperty("classes").GetInt32();
        var window = Doubles(c.GetProperty("window"));

        var estimator = MulticlassCbpeEstimator.Fit(Doubles(c.GetProperty("reference")), Ints(c.GetProperty("referenceLabels")), k);
        var calibrated = estimator.Probabilities(window);
        var estimates = estimator.Estimate(window);

        // The model is underconfident, so out-of-sample calibration lowers every class's error and is kept.
        Assert.All(estimator.Choices, choice => Assert.True(choice!.ErrorAfter < choice.ErrorBefore));
        Assert.Equal([true, true, true], estimator.Calibrated);
        var expectedCalibrated = Doubles(c.GetProperty("calibrated"));
        Assert.Equal(expectedCalibrated.Length, calibrated.Length);
        for (var i = 0; i < calibrated.Length; i++)
        {
            Close(expectedCalibrated[i], calibrated[i]);
        }

        var expected = c.GetProperty("expected");
        Assert.Equal(MulticlassCbpeEstimator.Metrics, estimates.Select(e => e.Metric));
        foreach (var e in estimates)
        {
            Close(expected.GetProperty(e.Metric).GetDouble(), e.Value);
            Assert.True(e.Lower < e.Value && e.Value < e.Upper, $"{e.Metric} {e.Value} outside its band [{e.Lower}, {e.Upper}]");
        }

        Close(expected.GetProperty("accuracyStandardError").GetDouble(), estimates[0].StandardError);
    }

    [Fact]
    public void The_realized_metrics_of_a_labelled_window_are_the_model_gates_and_scikit_learns()
    {
        var c = Case("calibration", "underconfident_three_classes");
        var k = c.GetProperty("classes").GetInt32();
        var predictions = new MulticlassPredictions(Ints(c.GetProperty("windowLabels")), Matrix(Doubles(c.GetProperty("window")), k));

        // Every metric the estimator estimates is a model-gate metric, so a window's realized value is the registry's.
        var realized = c.GetProperty("realized");
        Assert.Equal(MulticlassCbpeEstimator.Metrics.Order(), realized.EnumerateObject().Select(p => p.Name).Order());
        foreach (var metric in MulticlassCbpeEstimator.Metrics)
        {
            Close(realized.GetProperty(metric).GetDouble(), MetricRegistry.ResolveMulticlass(metric).Compute(predictions).Value!.Value);
        }
    }

    [Fact]
    public void Estimates_follow_the_realized_metrics_under_covariate_shift()
    {
        var random = new Random(20261209);
        var estimator = Reference(random);
        var inside = MulticlassCbpeEstimator.Metrics.ToDictionary(m => m, _ => 0);
        var accuracies = new List<double>();

        for (var w = 0; w < Windows; w++)
        {
            // The features' mean walks across the plane: the classes' mix and the probabilities move, P(class | x) does not.
            var shift = -1 + (2.0 * w / (Windows - 1));
            var (probabilities, labels) = Stream(random, WindowRows, shift, ReferenceConcept);
            var realized = Realized(probabilities, labels);
            foreach (var estimate in estimator.Estimate(probabilities))
            {
                if (realized[estimate.Metric] >= estimate.Lower && realized[estimate.Metric] <= estimate.Upper)
                {
                    inside[estimate.Metric]++;
                }
            }

            accuracies.Add(realized["accuracy"]);
        }

        Assert.True(accuracies.Max() - accuracies.Min() > 0.05, $"realized accuracy only ranged {accuracies.Min()}..{accuracies.Max()}");
        Assert.All(MulticlassCbpeEstimator.Metrics, m => Assert.True(inside[m] >= 18, $"{m}: realized within the band in {inside[m]} of {Windows} windows"));
    }

    [Fact]
    public void Estimates_visibly_fail_under_concept_drift()
    {
        var random = new Random(20261210);
        var estimator = Reference(random);
        var outside = MulticlassCbpeEstimator.Metrics.ToDictionary(m => m, _ => 0, StringComparer.Ordinal);

        for (var w = 0; w < Windows; w++)
        {
            // Same features, but the classes depend on them far more weakly: the model's probabilities look as sure as before.
            var (probabilities, labels) = Stream(random, WindowRows, 0, logits => [.. logits.Select(z => 0.25 * z)]);
            var realized = Realized(probabilities, labels);
            foreach (var estimate in estimator.Estimate(probabilities).Where(e => outside.ContainsKey(e.Metric)))
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
    public void The_same_window_gives_the_same_estimates_and_bands_every_run()
    {
        var estimator = Reference(new Random(5));
        var (probabilities, _) = Stream(new Random(6), 3_000, 0.3, ReferenceConcept);

        var first = estimator.Estimate(probabilities);
        var second = estimator.Estimate(probabilities);

        Assert.Equal(first, second);
        Assert.All(first, e => Assert.True(e.StandardError > 0 && e.StandardError < 0.05, $"{e.Metric}: standard error {e.StandardError}"));
    }

    [Fact]
    public void A_class_with_too_few_reference_rows_and_a_probability_outside_0_and_1_are_reported()
    {
        var (probabilities, labels) = Stream(new Random(8), 400, 0, ReferenceConcept);
        var fewOfClass2 = labels.Select((l, i) => l == 2 && i > 5 ? 0 : l).ToArray();

        var oneClass = Assert.Throws<ModelGatesException>(() => MulticlassCbpeEstimator.Fit(probabilities, fewOfClass2, 3));
        Assert.Equal(ExitCodes.DataError, oneClass.ExitCode);
        Assert.StartsWith("Class 2 (one vs rest):", Assert.Single(oneClass.Diagnostics).Message, StringComparison.Ordinal);

        var estimator = MulticlassCbpeEstimator.Fit(probabilities, labels, 3);
        var bad = (double[])probabilities.Clone();
        bad[4] = 1.5;
        var notProbability = Assert.Throws<ModelGatesException>(() => estimator.Estimate(bad));
        Assert.Equal("MG6022", Assert.Single(notProbability.Diagnostics).Code);
        Assert.Contains("class 1 in row 2", notProbability.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    private static MulticlassCbpeEstimator Reference(Random random)
    {
        var (probabilities, labels) = Stream(random, 20_000, 0, ReferenceConcept);
        return MulticlassCbpeEstimator.Fit(probabilities, labels, 3);
    }

    private static readonly Func<double[], double[]> ReferenceConcept = logits => logits;

    /// <summary>
    /// Three classes over two features x ~ N(shift, 1): logits (2x₁ - x₂, 2x₂ - x₁, -x₁ - 1.5x₂); the model's probabilities
    /// are the softmax of half the logits (underconfident, so calibration matters), a row's class is drawn from the
    /// softmax of <paramref name="concept"/>(logits).
    /// </summary>
    private static (double[] Probabilities, int[] Labels) Stream(Random random, int rows, double shift, Func<double[], double[]> concept)
    {
        var probabilities = new double[rows * 3];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var x1 = shift + SimulatedStream.Gaussian(random);
            var x2 = (0.5 * shift) + SimulatedStream.Gaussian(random);
            double[] logits = [(2 * x1) - x2, (2 * x2) - x1, -x1 - (1.5 * x2)];
            var model = Softmax([.. logits.Select(z => z / 2)]);
            model.CopyTo(probabilities, i * 3);
            var truth = Softmax(concept(logits));
            var u = random.NextDouble();
            labels[i] = u < truth[0] ? 0 : u < truth[0] + truth[1] ? 1 : 2;
        }

        return (probabilities, labels);
    }

    private static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }

    /// <summary>
    /// The realized metrics by the model gates' metrics (what a monitor judges a labelled window on); macro precision,
    /// recall and one-vs-rest AUC also computed here by their definitions over the three classes, which must agree.
    /// </summary>
    private static Dictionary<string, double> Realized(double[] probabilities, int[] labels)
    {
        const int k = 3;
        var predictions = new MulticlassPredictions(labels, Matrix(probabilities, k));
        var predicted = predictions.PredictedClasses.ToArray();
        double precision = 0, recall = 0, auc = 0;
        for (var c = 0; c < k; c++)
        {
            double tp = 0, predictedCount = 0, actual = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                tp += predicted[i] == c && labels[i] == c ? 1 : 0;
                predictedCount += predicted[i] == c ? 1 : 0;
                actual += labels[i] == c ? 1 : 0;
            }

            precision += predictedCount == 0 ? 0 : tp / predictedCount;
            recall += actual == 0 ? 0 : tp / actual;
            auc += SimulatedStream.RocAuc([.. Enumerable.Range(0, labels.Length).Select(i => probabilities[(i * k) + c])], [.. labels.Select(l => l == c)]);
        }

        var realized = MulticlassCbpeEstimator.Metrics.ToDictionary(m => m, m => MetricRegistry.ResolveMulticlass(m).Compute(predictions).Value!.Value, StringComparer.Ordinal);
        Assert.Equal(precision / k, realized["macroPrecision"], 12);
        Assert.Equal(recall / k, realized["macroRecall"], 12);
        Assert.Equal(auc / k, realized["macroAuc"], 12);
        return realized;
    }
}
