using ModelGates.Monitoring.Estimation;

namespace ModelGates.Tests.Monitoring.Estimation;

/// <summary>
/// CBPE on seeded simulated streams (<see cref="SimulatedStream"/>): 20 windows of 1,000 rows after a reference of
/// 20,000 (the band covers the window's sampling error, not the calibration error of a small reference). The rule, stated in docs/monitoring-estimation.md: under covariate shift without concept drift the realized
/// metric lies within the band in at least 18 of 20 windows for every metric; under concept drift the realized
/// accuracy and AUC lie outside it in at least 18 of 20.
/// </summary>
public sealed class CbpeEstimatorTests
{
    private const int Windows = 20;
    private const int WindowRows = 1_000;
    private static readonly string[] Metrics = ["accuracy", "precision", "recall", "f1", "auc"];

    [Fact]
    public void Estimates_follow_the_realized_metrics_under_covariate_shift()
    {
        var random = new Random(20261207);
        var estimator = Reference(random);
        var inside = Metrics.ToDictionary(m => m, _ => 0);
        var accuracies = new List<double>();

        for (var w = 0; w < Windows; w++)
        {
            // The feature's mean walks from -1 to +1.5: the score distribution moves, P(label | x) does not.
            var shift = -1 + (2.5 * w / (Windows - 1));
            var (scores, labels) = SimulatedStream.Binary(random, WindowRows, shift, SimulatedStream.ReferenceConcept);
            var realized = SimulatedStream.Realized(scores, labels, estimator.Threshold);
            foreach (var estimate in estimator.Estimate(scores))
            {
                if (realized[estimate.Metric] >= estimate.Lower && realized[estimate.Metric] <= estimate.Upper)
                {
                    inside[estimate.Metric]++;
                }
            }

            accuracies.Add(realized["accuracy"]);
        }

        // The shift must matter, or following the realized metric would prove nothing.
        Assert.True(accuracies.Max() - accuracies.Min() > 0.05, $"realized accuracy only ranged {accuracies.Min()}..{accuracies.Max()}");
        Assert.All(Metrics, m => Assert.True(inside[m] >= 18, $"{m}: realized within the band in {inside[m]} of {Windows} windows"));
    }

    [Fact]
    public void Estimates_visibly_fail_under_concept_drift()
    {
        var random = new Random(20261208);
        var estimator = Reference(random);
        var outside = new Dictionary<string, int>(StringComparer.Ordinal) { ["accuracy"] = 0, ["auc"] = 0 };

        for (var w = 0; w < Windows; w++)
        {
            // Same features as the reference, but the label depends on x far more weakly: the model got worse and
            // its scores still look as confident as before, so the estimate cannot see it.
            var (scores, labels) = SimulatedStream.Binary(random, WindowRows, 0, x => SimulatedStream.Sigmoid((0.4 * x) - 0.5));
            var realized = SimulatedStream.Realized(scores, labels, estimator.Threshold);
            foreach (var estimate in estimator.Estimate(scores).Where(e => outside.ContainsKey(e.Metric)))
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
    public void Miscalibrated_scores_are_calibrated_and_calibrated_scores_are_not()
    {
        var random = new Random(3);
        Assert.True(Reference(random).Calibrated);

        // Scores that are exactly the share of positives among their rows: the raw calibration error is 0, so
        // isotonic regression cannot lower it and is not kept.
        var (scores, labels) = EqualCountLevels();
        var estimator = CbpeEstimator.Fit(scores, labels);
        Assert.False(estimator.Calibrated);
        Assert.Equal(0, estimator.Choice!.ErrorBefore, 12);
        Assert.True(estimator.Choice.ErrorAfter >= estimator.Choice.ErrorBefore);
    }

    [Fact]
    public void Uncalibrated_window_scores_beyond_0_and_1_are_clipped()
    {
        var estimator = CbpeEstimator.Fit(EqualCountLevels().Scores, EqualCountLevels().Labels);

        Assert.False(estimator.Calibrated);
        Assert.Equal([0.0, 0.3, 1.0], estimator.Probabilities([-0.2, 0.3, 1.4]));
    }

    [Fact]
    public void Scores_that_are_not_probabilities_are_always_calibrated()
    {
        var random = new Random(4);
        var margins = Enumerable.Range(0, 500).Select(_ => 3 * SimulatedStream.Gaussian(random)).ToArray();
        var labels = margins.Select(m => random.NextDouble() < SimulatedStream.Sigmoid(m)).ToArray();

        var estimator = CbpeEstimator.Fit(margins, labels, threshold: 0);

        Assert.True(estimator.Calibrated);
        Assert.Null(estimator.Choice);
        Assert.All(estimator.Probabilities(margins), p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Estimates_are_in_registry_order_and_the_same_every_run()
    {
        var estimator = Reference(new Random(9));
        var (scores, _) = SimulatedStream.Binary(new Random(10), 300, 0.5, SimulatedStream.ReferenceConcept);

        var first = estimator.Estimate(scores);
        var second = estimator.Estimate(scores);

        Assert.Equal(Metrics, first.Select(e => e.Metric));
        Assert.Equal(first, second);
        Assert.All(first, e => Assert.True(e.Lower <= e.Value && e.Value <= e.Upper && e.StandardError > 0, e.ToString()));
    }

    [Fact]
    public void Bands_narrow_as_windows_grow()
    {
        var random = new Random(12);
        var estimator = Reference(random);
        var small = estimator.Estimate(SimulatedStream.Binary(random, 250, 0, SimulatedStream.ReferenceConcept).Scores);
        var large = estimator.Estimate(SimulatedStream.Binary(random, 4_000, 0, SimulatedStream.ReferenceConcept).Scores);

        for (var i = 0; i < small.Count; i++)
        {
            // Sixteen times the rows: a quarter of the standard error, give or take the windows' own scores.
            Assert.InRange(large[i].StandardError / small[i].StandardError, 0.15, 0.35);
        }
    }

    // Ten levels of 100 rows, one per equal-count bin: 0.05 with 5 positives, ..., 0.95 with 95.
    private static (double[] Scores, bool[] Labels) EqualCountLevels()
    {
        var scores = new List<double>();
        var labels = new List<bool>();
        for (var level = 0; level < 10; level++)
        {
            for (var row = 0; row < 100; row++)
            {
                scores.Add(((2 * level) + 1) / 20.0);
                labels.Add(row < (10 * level) + 5);
            }
        }

        return (scores.ToArray(), labels.ToArray());
    }

    private static CbpeEstimator Reference(Random random)
    {
        var (scores, labels) = SimulatedStream.Binary(random, 20_000, 0, SimulatedStream.ReferenceConcept);
        return CbpeEstimator.Fit(scores, labels);
    }
}
