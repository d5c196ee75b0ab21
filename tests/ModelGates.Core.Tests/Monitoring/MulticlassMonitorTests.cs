using System.Globalization;
using System.Text;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Monitoring;
using ModelGates.Monitoring.Estimation;
using ModelGates.Monitoring.Reports;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring;

/// <summary>
/// A monitor of a multiclass model (docs/monitoring.md#multiclass-models): its <c>probabilities</c> map class labels to
/// columns (in another order than the model gate's predictions file), multiclass CBPE fitted on the gate's evaluation
/// data gives each window the estimates MulticlassCbpeEstimator gives on the same arrays, labelled windows get the model
/// gates' realized metrics, and classes or labels that do not match are reported.
/// </summary>
public sealed class MulticlassMonitorTests : IDisposable
{
    private static readonly DateTime Week1 = new(2026, 6, 1);
    private static readonly string[] Classes = ["setosa", "versicolor", "virginica"];
    private readonly TempDirectory directory = new();

    public MulticlassMonitorTests()
    {
        directory.Write("evaluation.csv", Rows(3000, seed: 21, shift: 0, labels: true, start: null));
        Directory.CreateDirectory(directory.File("batches"));
        directory.Write(Path.Combine("batches", "w1.csv"), Rows(1500, seed: 22, shift: 0, labels: true, start: Week1));
        directory.Write(Path.Combine("batches", "w2.csv"), Rows(1500, seed: 23, shift: 1.5, labels: false, start: Week1.AddDays(7)));
        directory.Write(Path.Combine("batches", "w3.csv"), Rows(1500, seed: 24, shift: -1, labels: false, start: Week1.AddDays(14)));
        Config("""{ "virginica": "p_virginica", "setosa": "p_setosa", "versicolor": "p_versicolor" }""");
    }

    public void Dispose() => directory.Dispose();

    private static GateRunOptions Options => new() { Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), ToolVersion = "1.0.0" };

    private const string DefaultMetrics = """
        { "accuracy": { "min": 0.6 }, "macroF1": { "min": 0.55 }, "recall.virginica": { "min": 0.5 },
          "macroPrecision": { "min": 0.5 }, "macroRecall": { "min": 0.5 }, "macroAuc": { "min": 0.7 } }
        """;

    // The monitor's class order: virginica, setosa, versicolor (the gate's file maps setosa, versicolor, virginica).
    private static readonly string[] MonitorOrder = ["virginica", "setosa", "versicolor"];

    [Fact]
    public void Windows_get_the_estimates_multiclass_CBPE_gives_on_their_rows_in_the_monitors_class_order()
    {
        var result = Assert.Single(MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options).Results);

        var reference = Read("evaluation.csv");
        var cbpe = MulticlassCbpeEstimator.Fit(reference.Probabilities, reference.Labels, 3);
        var batches = new[] { "w1.csv", "w2.csv", "w3.csv" };
        for (var i = 0; i < 3; i++)
        {
            var expected = cbpe.Estimate(Read(Path.Combine("batches", batches[i])).Probabilities).ToDictionary(e => e.Metric);
            var estimated = result.Windows[i].Estimated;
            Assert.Equal(["accuracy", "macroF1", "macroPrecision", "macroRecall", "macroAuc"], estimated.Select(m => m.Metric));
            Assert.All(estimated, m =>
            {
                Assert.Equal(expected[m.Metric].Value, m.Value!.Value, 12);
                Assert.Equal(expected[m.Metric].Lower, m.Lower!.Value, 12);
                Assert.Equal(expected[m.Metric].Upper, m.Upper!.Value, 12);
                Assert.NotNull(m.Floor);
            });
        }

        // Unlabelled windows are judged on the estimate: a breach exactly when a band's upper end is below its floor.
        foreach (var window in result.Windows.Skip(1))
        {
            Assert.Empty(window.Realized);
            Assert.Equal(
                window.Estimated.Where(m => m.Upper < m.Floor).Select(m => m.Metric),
                window.Reasons.Where(r => r.StartsWith("estimated ", StringComparison.Ordinal)).Select(r => r.Split(' ')[1]));
        }
    }

    [Fact]
    public void A_labelled_window_gets_the_model_gates_realized_metrics_against_their_floors()
    {
        var result = Assert.Single(MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options).Results);

        var week = Read(Path.Combine("batches", "w1.csv"));
        var predictions = new MulticlassPredictions(week.Labels, Matrix(week.Probabilities));
        var realized = result.Windows[0].Realized.ToDictionary(m => m.Metric);
        Assert.Equal(["accuracy", "macroF1", "recall.virginica", "macroPrecision", "macroRecall", "macroAuc"], result.Windows[0].Realized.Select(m => m.Metric));
        foreach (var metric in new[] { "accuracy", "macroF1", "macroPrecision", "macroRecall", "macroAuc" })
        {
            Assert.Equal(MetricRegistry.ResolveMulticlass(metric).Compute(predictions).Value!.Value, realized[metric].Value!.Value, 12);
        }

        // recall.virginica by hand: the share of virginica rows predicted virginica (class 0 in the monitor's order).
        var virginica = Enumerable.Range(0, week.Labels.Length).Where(i => week.Labels[i] == 0).ToList();
        var recall = virginica.Count(i => predictions.PredictedClasses[i] == 0) / (double)virginica.Count;
        Assert.Equal(recall, realized["recall.virginica"].Value!.Value, 12);
        Assert.Equal((0.6, 0.55, 0.5), (realized["accuracy"].Floor, realized["macroF1"].Floor, realized["recall.virginica"].Floor));
        Assert.Equal((0.5, 0.5, 0.7), (realized["macroPrecision"].Floor, realized["macroRecall"].Floor, realized["macroAuc"].Floor));
    }

    [Fact]
    public void The_trend_report_and_the_Markdown_show_multiclass_estimates_as_they_show_binary_ones()
    {
        var config = GatesConfigReader.Read(directory.File("modelgates.json"));
        var result = Assert.Single(MonitorRun.Run(config, Options).Results);
        var trend = MonitorTrendBuilder.Build(config, result);
        var html = new StringBuilder();

        MonitorTrendSection.Write(html, [MonitorGateRunner.ToGate(result) with { Details = trend }]);
        var markdown = MonitorMarkdown.Write([new MonitorSummary("prod", "production", 3, 0, "error", trend)]);

        foreach (var metric in new[] { "accuracy", "macroF1", "macroPrecision", "macroRecall", "macroAuc" })
        {
            var chart = Reports.TrendData.Chart(html.ToString(), $"{metric} per window");
            // The estimate's band is drawn once over the three windows; the realized value only where labels are.
            Assert.Single(Reports.TrendData.Of(chart, "polygon", "tband"));
            Assert.Single(Reports.TrendData.Of(chart, "circle", "series0"));
            Assert.Equal(3, Reports.TrendData.Of(chart, "circle", "series1").Count);
            Assert.Contains($"{metric} estimated [band]", markdown, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("macroPrecision")]
    [InlineData("macroRecall")]
    [InlineData("macroAuc")]
    public void An_unlabelled_window_breaches_a_macro_floor_exactly_when_its_bands_upper_end_is_below_it(string metric)
    {
        // A floor between the two unlabelled windows' upper band ends: the one below it breaches, the other does not.
        var reference = Read("evaluation.csv");
        var cbpe = MulticlassCbpeEstimator.Fit(reference.Probabilities, reference.Labels, 3);
        var upper = new[] { "w2.csv", "w3.csv" }
            .Select(b => cbpe.Estimate(Read(Path.Combine("batches", b)).Probabilities).Single(e => e.Metric == metric).Upper)
            .ToArray();
        Assert.NotEqual(upper[0], upper[1], 3);
        var floor = (upper[0] + upper[1]) / 2;
        Config(
            """{ "virginica": "p_virginica", "setosa": "p_setosa", "versicolor": "p_versicolor" }""",
            "{ \"" + metric + "\": { \"min\": " + floor.ToString("R", CultureInfo.InvariantCulture) + " } }");

        var result = Assert.Single(MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options).Results);

        for (var w = 1; w < 3; w++)
        {
            var window = result.Windows[w];
            var estimate = Assert.Single(window.Estimated);
            Assert.Equal((metric, floor), (estimate.Metric, estimate.Floor!.Value));
            Assert.Equal(upper[w - 1], estimate.Upper!.Value, 12);
            var breached = window.Reasons.Any(r => r.StartsWith("estimated " + metric + " ", StringComparison.Ordinal));
            Assert.Equal(upper[w - 1] < floor, breached);
        }
    }

    [Fact]
    public void A_labelled_window_below_a_macro_auc_floor_breaches_on_its_realized_value_not_the_estimate()
    {
        var week = Read(Path.Combine("batches", "w1.csv"));
        var realized = new MacroAucMetric().Compute(new MulticlassPredictions(week.Labels, Matrix(week.Probabilities))).Value!.Value;
        var floor = realized + 0.01;
        Config(
            """{ "virginica": "p_virginica", "setosa": "p_setosa", "versicolor": "p_versicolor" }""",
            "{ \"macroAuc\": { \"min\": " + floor.ToString("R", CultureInfo.InvariantCulture) + " } }");

        var window = Assert.Single(MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options).Results).Windows[0];

        Assert.Equal(WindowStatus.Breach, window.Status);
        var reason = Assert.Single(window.Reasons);
        Assert.StartsWith("macroAuc ", reason, StringComparison.Ordinal);
        Assert.Equal(realized, Assert.Single(window.Realized).Value!.Value, 12);
    }

    [Theory]
    [InlineData("monitoring.md")]
    [InlineData("metrics/macroPrecision.md")]
    public void The_documented_macro_floors_run_as_written(string page)
    {
        var text = File.ReadAllText(RepoPaths.Combine("docs", page));
        var block = text.Split("```json\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).Single(b => b.Contains("\"macroAuc\"", StringComparison.Ordinal));
        Config("""{ "virginica": "p_virginica", "setosa": "p_setosa", "versicolor": "p_versicolor" }""", models: block.Trim());

        var result = Assert.Single(MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options).Results);

        string[] macro = ["macroPrecision", "macroRecall", "macroAuc"];
        Assert.Equal(macro, result.Windows[0].Realized.Select(m => m.Metric));
        Assert.All(result.Windows[0].Realized, m => Assert.NotNull(m.Value));
        Assert.All(result.Windows.Skip(1), w => Assert.Equal(macro, w.Estimated.Select(m => m.Metric)));
    }

    [Fact]
    public void Classes_that_are_not_the_models_and_probabilities_for_a_binary_gate_are_MG0235()
    {
        Config("""{ "setosa": "p_setosa", "versicolor": "p_versicolor" }""");
        var missing = Assert.Throws<ConfigurationException>(() => MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options));
        var diagnostic = Assert.Single(missing.Diagnostics);
        Assert.Equal("MG0235", diagnostic.Code);
        Assert.Contains("without a column: virginica", diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(diagnostic.Line);

        Config("""["p_setosa", "p_versicolor", "p_virginica"]""");
        var list = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(directory.File("modelgates.json")));
        Assert.Equal("MG0235", Assert.Single(list.Diagnostics).Code);
    }

    [Fact]
    public void A_labelled_row_whose_label_is_not_a_class_is_MG6070_with_exit_code_3()
    {
        File.AppendAllText(directory.File(Path.Combine("batches", "w1.csv")), "2026-06-07 23:59:00,0.1,0.2,Setosa,0.2,0.3,0.5\n");

        var error = Assert.ThrowsAny<ModelGatesException>(() => MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options));

        Assert.Equal(ExitCodes.DataError, error.ExitCode);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("MG6070", diagnostic.Code);
        Assert.Contains("first 'Setosa'", diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(diagnostic.Line);
    }

    private void Config(string probabilities, string metrics = DefaultMetrics, string? models = null) => directory.Write("modelgates.json", """
        {
          "schemaVersion": 1,
          "datasets": {
            "evaluation": { "path": "evaluation.csv" },
            "production": { "path": "batches/*.csv" }
          },
          MODELS,
          "monitors": {
            "prod": { "reference": "evaluation", "data": "production", "timestamp": "ts", "window": "7d", "model": "species", "minRows": 100,
                      "probabilities": PROBABILITIES }
          }
        }
        """.Replace("PROBABILITIES", probabilities, StringComparison.Ordinal).Replace("MODELS", models ?? """
          "models": {
            "species": { "predictions": "evaluation.csv", "task": "multiclass", "label": "species",
                         "probabilities": { "setosa": "p_setosa", "versicolor": "p_versicolor", "virginica": "p_virginica" },
                         "metrics": METRICS }
          }
        """.Replace("METRICS", metrics, StringComparison.Ordinal), StringComparison.Ordinal));

    /// <summary>A file's probabilities (row-major, in the monitor's class order) and labels (indices in that order).</summary>
    private (double[] Probabilities, int[] Labels) Read(string file)
    {
        var lines = File.ReadAllLines(directory.File(file));
        var header = lines[0].Split(',').ToList();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var probabilities = rows.SelectMany(r => MonitorOrder.Select(c => double.Parse(r[header.IndexOf("p_" + c)], CultureInfo.InvariantCulture))).ToArray();
        var labels = rows.Select(r => Array.IndexOf(MonitorOrder, r[header.IndexOf("species")])).ToArray();
        return (probabilities, labels);
    }

    private static double[,] Matrix(double[] values)
    {
        var matrix = new double[values.Length / 3, 3];
        for (var i = 0; i < values.Length; i++)
        {
            matrix[i / 3, i % 3] = values[i];
        }

        return matrix;
    }

    /// <summary>
    /// Two features x ~ N(shift, 1); logits (2x₁ - x₂, 2x₂ - x₁, -x₁ - 1.5x₂) for setosa, versicolor, virginica; the model's
    /// probabilities the softmax of half of them (underconfident), the class drawn from their softmax.
    /// </summary>
    private static string Rows(int count, int seed, double shift, bool labels, DateTime? start)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        static double[] Softmax(double[] z)
        {
            var e = z.Select(v => Math.Exp(v - z.Max())).ToArray();
            return [.. e.Select(v => v / e.Sum())];
        }

        var text = new StringBuilder(start is null ? "x1,x2,species,p_setosa,p_versicolor,p_virginica\n" : "ts,x1,x2,species,p_setosa,p_versicolor,p_virginica\n");
        for (var i = 0; i < count; i++)
        {
            var x1 = shift + Normal();
            var x2 = (0.5 * shift) + Normal();
            double[] logits = [(2 * x1) - x2, (2 * x2) - x1, -x1 - (1.5 * x2)];
            var model = Softmax([.. logits.Select(z => z / 2)]);
            var truth = Softmax(logits);
            var u = random.NextDouble();
            var label = Classes[u < truth[0] ? 0 : u < truth[0] + truth[1] ? 1 : 2];
            if (start is { } s)
            {
                text.Append(s.AddMinutes(i * (7 * 24 * 60.0 / count)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append(string.Create(CultureInfo.InvariantCulture, $"{x1:R},{x2:R},{(labels ? label : string.Empty)},{model[0]:R},{model[1]:R},{model[2]:R}\n"));
        }

        return text.ToString();
    }
}
