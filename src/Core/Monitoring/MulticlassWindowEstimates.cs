using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Monitoring.Estimation;

namespace ModelGates.Monitoring;

/// <summary>
/// Multiclass CBPE for a multiclass model gate (docs/monitoring.md#multiclass-models): calibrated once per run on the
/// gate's evaluation data, each class's probabilities taken in the monitor's class order; each window's
/// <c>probabilities</c> columns then give the expected value of every <c>min</c> floor that is both a model-gate metric and
/// estimable (<c>accuracy</c>, <c>macroPrecision</c>, <c>macroRecall</c>, <c>macroF1</c>, <c>macroAuc</c>: every metric the
/// estimator gives).
/// </summary>
internal sealed class MulticlassWindowEstimates : WindowEstimates
{
    private static readonly string[] Estimable = MulticlassCbpeEstimator.Metrics;

    private readonly MulticlassCbpeEstimator estimator;
    private readonly IReadOnlyList<string> columns;
    private readonly IReadOnlyList<(string Metric, double Floor)> floors;

    private MulticlassWindowEstimates(MulticlassCbpeEstimator estimator, IReadOnlyList<string> columns, IReadOnlyList<(string Metric, double Floor)> floors)
    {
        this.estimator = estimator;
        this.columns = columns;
        this.floors = floors;
    }

    public static MulticlassWindowEstimates? For(GatesConfig config, MonitorDeclaration monitor, ModelGate gate, GateRunContext context)
    {
        var floors = gate.Thresholds.Where(t => t.Kind == "min" && Estimable.Contains(t.Metric, StringComparer.Ordinal)).Select(t => (t.Metric, t.Value)).ToList();
        if (floors.Count == 0 || monitor.Probabilities is not { } classes)
        {
            return null;
        }

        var (_, set) = Evaluate(config, monitor, gate, context);
        var evaluated = (MulticlassPredictionSet)set;
        var names = evaluated.ClassNames;
        var unknown = classes.Select(c => c.Class).Where(c => !names.Contains(c, StringComparer.Ordinal)).ToList();
        var unnamed = names.Where(n => !classes.Any(c => c.Class == n)).ToList();
        if (unknown.Count > 0 || unnamed.Count > 0)
        {
            throw new ConfigurationException([MonitorRunner.Locate(config, monitor, DiagnosticCatalog.MonitorProbabilitiesInvalid.Create(
                $"Monitor '{monitor.Name}': the classes of 'probabilities' are not model gate '{gate.Name}''s ({string.Join(", ", names)})"
                + (unknown.Count > 0 ? $"; not a class of the model: {string.Join(", ", unknown)}" : string.Empty)
                + (unnamed.Count > 0 ? $"; without a column: {string.Join(", ", unnamed)}" : string.Empty) + "."), "probabilities")]);
        }

        // The gate's probabilities and labels in the monitor's class order.
        var predictions = evaluated.Predictions;
        var k = classes.Count;
        var gateIndex = classes.Select(c => names.ToList().IndexOf(c.Class)).ToArray();
        var monitorIndex = new int[k];
        for (var j = 0; j < k; j++)
        {
            monitorIndex[gateIndex[j]] = j;
        }

        var probabilities = new double[predictions.Count * k];
        var labels = new int[predictions.Count];
        for (var i = 0; i < predictions.Count; i++)
        {
            var row = predictions.ProbabilitiesOf(i);
            for (var j = 0; j < k; j++)
            {
                probabilities[(i * k) + j] = row[gateIndex[j]];
            }

            labels[i] = monitorIndex[predictions.Labels[i]];
        }

        return new MulticlassWindowEstimates(MulticlassCbpeEstimator.Fit(probabilities, labels, k), [.. classes.Select(c => c.Column)], floors);
    }

    public override IReadOnlyList<WindowMetric> Of(DataEngine engine, string windowTable)
    {
        var probabilities = Probabilities(engine, windowTable, columns);
        var estimates = estimator.Estimate(probabilities).ToDictionary(e => e.Metric, StringComparer.Ordinal);
        return [.. floors.Select(f =>
        {
            var e = estimates[f.Metric];
            return double.IsNaN(e.Value)
                ? new WindowMetric(f.Metric, null, null, null, f.Floor)
                : new WindowMetric(f.Metric, e.Value, e.Lower, e.Upper, f.Floor);
        })];
    }

    /// <summary>The window's probability columns, row-major (n × K), rows with a missing probability left out.</summary>
    internal static double[] Probabilities(DataEngine engine, string windowTable, IReadOnlyList<string> columns)
    {
        var select = string.Join(", ", columns.Select(c => $"CAST({SqlText.Identifier(c)} AS DOUBLE)"));
        var present = string.Join(" AND ", columns.Select(c => $"{SqlText.Identifier(c)} IS NOT NULL"));
        var rows = engine.Query($"SELECT {select} FROM {windowTable} WHERE {present}", r =>
        {
            var row = new double[columns.Count];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = r.GetDouble(c);
            }

            return row;
        });
        return [.. rows.SelectMany(r => r)];
    }
}
