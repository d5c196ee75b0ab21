using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Statistics;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>
/// The bound printed with a regression verdict is the one the verdict used: a one-sided lower bound of the drop at
/// 1 − α, on the verdict's side of the allowance (issue 15 f). A two-sided 95 % interval could reach "not worse"
/// next to REGRESSED.
/// </summary>
public sealed class RegressionBoundTests
{
    private static readonly MetricThreshold[] Thresholds =
    [
        new("auc", ThresholdKind.MaxDrop, 0.0),
        new("auc", ThresholdKind.MaxRelativeDrop, 0.02),
        new("logLoss", ThresholdKind.MaxDrop, 0.02),
        new("logLoss", ThresholdKind.MaxRelativeDrop, 0.05),
        new("accuracy", ThresholdKind.MaxDrop, 0.01),
        new("brier", ThresholdKind.MaxDrop, 0.005),
    ];

    [Fact]
    public void The_bound_decides_exactly_what_the_p_value_decides()
    {
        var random = new SeededRandom(5);
        var checkedCount = 0;
        foreach (var n in new[] { 1, 5, 19, 20, 21, 39, 100, 399, 1000 })
        {
            foreach (var alpha in new[] { 0.01, 0.05, 0.1, 0.2, 1.0 - 0.95, 1.0 - 0.9 })
            {
                // Discrete drops (multiples of 1/8) make ties with the allowance, where an off-by-one would show.
                var drops = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextGaussian() * 8) / 8).ToArray();
                Array.Sort(drops);
                foreach (var allowance in drops.Concat([-10.0, 0.0, 0.0625, 10.0]))
                {
                    var p = OneSidedDropTest.PValue(drops, allowance)!.Value;
                    var bound = OneSidedDropTest.LowerBound(drops, alpha);
                    var significant = new ChangeSignificance(p, alpha, "test").IsSignificant;
                    Assert.True(significant == (bound is { } b && b > allowance), $"n {n}, α {alpha}, allowance {allowance}: p {p}, bound {bound}");
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount > 1000);
    }

    [Fact]
    public void The_bound_is_about_the_alpha_quantile_of_the_drops()
    {
        var drops = Enumerable.Range(1, 1000).Select(i => i / 1000.0).ToArray();

        // (1 + K) / 1001 ≤ 0.05 holds up to K = 49: the 50th smallest drop.
        Assert.Equal(0.05, OneSidedDropTest.LowerBound(drops, 0.05)!.Value, 12);

        // With 10 resamples no p-value reaches 0.05 ((1 + 0) / 11 > 0.05): there is no bound.
        Assert.Null(OneSidedDropTest.LowerBound([.. drops.Take(10)], 0.05));
        Assert.Null(OneSidedDropTest.LowerBound([], 0.05));
    }

    [Fact]
    public void The_library_comparison_carries_the_bound_its_verdict_used()
    {
        var significant = 0;
        var notSignificant = 0;
        for (var seed = 0UL; seed < 16; seed++)
        {
            var (challenger, baseline) = SimulatedPredictions.TwoModels(seed, 400, challengerNoise: 0.55 + (seed % 4 * 0.1), baselineNoise: 0.4);
            var allowed = new Dictionary<string, double> { ["auc"] = 0.01, ["logLoss"] = 0.02, ["accuracy"] = 0.0 };
            var comparisons = PairedBootstrap.Compare(
                challenger, baseline, [new RocAucMetric(), new BinaryLogLossMetric(), new BinaryAccuracyMetric()], new BootstrapOptions { Resamples = 200, Seed = seed }, allowed);
            foreach (var c in comparisons)
            {
                Assert.True(c.RegressionIsSignificant == c.DegradationLowerBound > c.AllowedDegradation, $"{c.MetricId}: significant {c.RegressionIsSignificant}, bound {c.DegradationLowerBound}, allowed {c.AllowedDegradation}");
                significant += c.RegressionIsSignificant ? 1 : 0;
                notSignificant += c.RegressionIsSignificant ? 0 : 1;
            }
        }

        Assert.True(significant >= 5 && notSignificant >= 5, $"{significant} significant, {notSignificant} not");
    }

    [Fact]
    public void Every_regression_verdict_against_a_baseline_model_prints_a_bound_on_its_side()
    {
        var verdicts = new List<ThresholdOutcome>();
        for (var seed = 0UL; seed < 24; seed++)
        {
            var (challenger, baseline) = Models(seed, rows: 300 + (int)(seed * 25), challengerNoise: 1.0 + (seed % 4 * 0.25));
            verdicts.AddRange(ModelEvaluator.Evaluate(challenger, baseline, Request(seed), []).Outcomes);
        }

        AssertOnTheirSide(verdicts);
    }

    [Fact]
    public void Every_regression_verdict_against_a_baseline_file_prints_a_bound_on_its_side()
    {
        var verdicts = new List<ThresholdOutcome>();
        for (var seed = 0UL; seed < 24; seed++)
        {
            var (challenger, baseline) = Models(seed, rows: 300 + (int)(seed * 25), challengerNoise: 1.0 + (seed % 4 * 0.25));
            var file = BaselineOf(baseline);
            verdicts.AddRange(ModelEvaluator.Evaluate(challenger, null, Request(seed) with { Baseline = file }, []).Outcomes);
        }

        AssertOnTheirSide(verdicts);
    }

    [Fact]
    public void Without_required_significance_no_bound_is_claimed()
    {
        var (challenger, baseline) = Models(1, rows: 400, challengerNoise: 2.0);
        var outcomes = ModelEvaluator.Evaluate(challenger, baseline, Request(1) with { RequireSignificantRegression = false }, []).Outcomes;

        Assert.Contains(outcomes, o => o.Status == ThresholdStatus.Failed);
        Assert.All(outcomes, o => Assert.Null(o.Significance));
        Assert.All(outcomes, o => Assert.DoesNotContain("one-sided", o.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_and_json_of_evaluate_label_the_bound_as_one_sided()
    {
        var (challenger, baseline) = Models(3, rows: 500, challengerNoise: 2.0);
        var request = Request(3);
        var result = ModelEvaluator.Evaluate(challenger, baseline, request, []) with { ScoreSource = "Probability" };
        var failed = result.Outcomes.First(o => o.Status == ThresholdStatus.Failed && o.Significance is not null);

        var text = new StringWriter(CultureInfo.InvariantCulture);
        EvaluationText.Write(text, result, request with { Data = null! });
        Assert.Contains(failed.Message, text.ToString(), StringComparison.Ordinal);
        Assert.Contains("one-sided 95 % lower bound of the drop is ", failed.Message, StringComparison.Ordinal);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            foreach (var outcome in result.Outcomes)
            {
                w.WritePropertyName($"{outcome.Threshold.Metric}/{outcome.Threshold.Kind.ToKey()}");
                w.WriteStartObject();
                EvaluationJson.WriteSignificance(w, outcome.Significance);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement;
        var significance = json.GetProperty($"{failed.Threshold.Metric}/{failed.Threshold.Kind.ToKey()}").GetProperty("significance");
        Assert.Equal(0.95, significance.GetProperty("confidence").GetDouble());
        Assert.Equal(failed.Significance!.DropLowerBound!.Value, significance.GetProperty("oneSidedLowerBound").GetDouble());
        Assert.True(significance.GetProperty("significant").GetBoolean());
        Assert.True(significance.GetProperty("oneSidedLowerBound").GetDouble() > failed.Threshold.Bound);
    }

    private static void AssertOnTheirSide(List<ThresholdOutcome> verdicts)
    {
        var regressed = verdicts.Where(o => o.Status == ThresholdStatus.Failed).ToList();
        var notSignificant = verdicts.Where(o => o.Descriptor?.Code == "MG4009").ToList();

        // Both verdicts occur, so the assertions below can fail.
        Assert.True(regressed.Count >= 10, $"{regressed.Count} regressions");
        Assert.True(notSignificant.Count >= 10, $"{notSignificant.Count} drops beyond the bound that are not significant");
        foreach (var o in regressed)
        {
            var s = o.Significance!;
            Assert.True(s.DropLowerBound > o.Threshold.Bound, $"REGRESSED with a one-sided bound {s.DropLowerBound} not above {o.Threshold.Bound}: {o.Message}");
            Assert.Contains($"{s.BoundLabel} of the {(o.Threshold.Kind == ThresholdKind.MaxRelativeDrop ? "relative drop" : "drop")} is {F(s.DropLowerBound!.Value)}, above {F(o.Threshold.Bound)}", o.Message, StringComparison.Ordinal);
        }

        foreach (var o in notSignificant)
        {
            var s = o.Significance!;
            Assert.True(s.DropLowerBound is null || s.DropLowerBound <= o.Threshold.Bound + ThresholdEvaluator.DifferenceTolerance,
                $"Not significant with a one-sided bound {s.DropLowerBound} above {o.Threshold.Bound}: {o.Message}");
            Assert.True(o.Measured > o.Threshold.Bound, o.Message);
            Assert.Contains(s.BoundLabel, o.Message, StringComparison.Ordinal);
        }
    }

    private static EvaluationRequest Request(ulong seed) => new()
    {
        // The evaluator reads only thresholds and options from the request; the data is not touched.
        Task = ModelTask.Binary,
        Label = "y",
        Data = null!,
        DataName = "holdout",
        Bootstrap = new BootstrapOptions { Resamples = 200, Seed = seed },
        Thresholds = Thresholds,
        RequireSignificantRegression = true,
    };

    /// <summary>Labels from a latent score; the baseline sees it through unit noise, the challenger through <paramref name="challengerNoise"/>.</summary>
    private static (PredictionSet Challenger, PredictionSet Baseline) Models(ulong seed, int rows, double challengerNoise)
    {
        var random = new SeededRandom(seed + 100);
        var labels = new int[rows];
        var challenger = new double[rows];
        var baseline = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var latent = random.NextGaussian();
            labels[i] = latent + random.NextGaussian() > 0 ? 1 : 0;
            baseline[i] = Sigmoid(latent + random.NextGaussian());
            challenger[i] = Sigmoid(latent + (challengerNoise * random.NextGaussian()));
        }

        return (new BinaryPredictionSet(new BinaryPredictions(labels, challenger), MetricSettings.Default),
                new BinaryPredictionSet(new BinaryPredictions(labels, baseline), MetricSettings.Default));
    }

    private static BaselineMetrics BaselineOf(PredictionSet baseline)
    {
        var values = baseline.Compute();
        return new()
        {
            Task = ModelTask.Binary,
            ToolVersion = "test",
            Scored = new BaselineFile("model", "m.zip", "0"),
            Data = new BaselineFile("data", "d.csv", "0"),
            Rows = baseline.Count,
            Settings = new BaselineSettings(null, 0.5, 2, 200, 0.95, 0),
            Metrics = [.. baseline.MetricIds.Select((id, m) => new BaselineMetric(id, values[m].Value, null, null))],
        };
    }

    private static string F(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
