using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Monitoring;

/// <summary>
/// The realized metrics of a multiclass model on a window's labelled rows: the model gate's <c>min</c> floors computed by
/// the model gates' own multiclass metrics (<see cref="MetricRegistry"/>) from the monitor's <c>probabilities</c> columns,
/// a class recall <c>recall.&lt;class&gt;</c> by its label. A label that is not one of the classes, or a row whose
/// probabilities are not a distribution, is MG6070 (never a row dropped silently).
/// </summary>
internal static class MulticlassRealized
{
    public static List<WindowMetric> Of(GatesConfig config, ModelGate gate, MonitorDeclaration monitor, IReadOnlyList<Models.Evaluation.Scoring.ClassColumn> classes, DataEngine engine, string windowTable, string label, string windowKey)
    {
        var floors = gate.Thresholds.Where(t => t.Kind == "min" && MetricRegistry.Problem(ModelTask.Multiclass, t.Metric) is null).ToList();
        if (floors.Count == 0)
        {
            return [];
        }

        var k = classes.Count;
        var l = SqlText.Identifier(label);
        var select = string.Join(", ", classes.Select(c => $"CAST({SqlText.Identifier(c.Column)} AS DOUBLE)"));
        var present = string.Join(" AND ", classes.Select(c => $"{SqlText.Identifier(c.Column)} IS NOT NULL"));
        var rows = engine.Query(
            $"SELECT CAST({l} AS VARCHAR), {select} FROM {windowTable} WHERE {l} IS NOT NULL AND CAST({l} AS VARCHAR) <> '' AND {present}",
            r =>
            {
                var p = new double[k];
                for (var c = 0; c < k; c++)
                {
                    p[c] = r.GetDouble(c + 1);
                }

                return (Label: r.GetString(0), Probabilities: p);
            });
        if (rows.Count < monitor.MinRows)
        {
            return [];
        }

        var index = classes.Select((c, i) => (c.Class, i)).ToDictionary(x => x.Class, x => x.i, StringComparer.Ordinal);
        var unknown = rows.Where(r => !index.ContainsKey(r.Label)).Select(r => r.Label).ToList();
        if (unknown.Count > 0)
        {
            throw Fail(config, monitor, windowKey, $"{unknown.Count} labelled rows hold a label that is not a class of 'probabilities' ({string.Join(", ", classes.Select(c => c.Class))}), first '{unknown[0]}'. Map every class the label column holds to its probability column.");
        }

        var matrix = new double[rows.Count, k];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var c = 0; c < k; c++)
            {
                matrix[i, c] = rows[i].Probabilities[c];
            }
        }

        MulticlassPredictions predictions;
        try
        {
            predictions = new MulticlassPredictions([.. rows.Select(r => index[r.Label])], matrix);
        }
        catch (ArgumentException e)
        {
            throw Fail(config, monitor, windowKey, $"the 'probabilities' columns are not a distribution over the classes: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        var settings = gate.Evaluation?.Options.Metrics ?? MetricSettings.Default;
        var metrics = new List<WindowMetric>();
        foreach (var floor in floors)
        {
            var id = floor.Metric;
            if (id.StartsWith(ClassRecallMetric.IdPrefix, StringComparison.Ordinal))
            {
                // The gate names a class by its label; the registry by its index in these predictions.
                if (!index.TryGetValue(id[ClassRecallMetric.IdPrefix.Length..], out var c))
                {
                    continue;
                }

                id = ClassRecallMetric.IdPrefix + c.ToString(CultureInfo.InvariantCulture);
            }

            var value = MetricRegistry.ResolveMulticlass(id, settings).Compute(predictions);
            metrics.Add(new WindowMetric(floor.Metric, value.Value, null, null, floor.Value));
        }

        return metrics;
    }

    private static DataReadException Fail(GatesConfig config, MonitorDeclaration monitor, string windowKey, string reason) =>
        new(MonitorRunner.Locate(config, monitor, DiagnosticCatalog.MonitorMulticlassRowsInvalid.Create(string.Create(CultureInfo.InvariantCulture, $"Monitor '{monitor.Name}', window {windowKey}: {reason}")), "probabilities"));
}
