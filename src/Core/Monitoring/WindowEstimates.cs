using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Predictions;
using ModelGates.Monitoring.Estimation;

namespace ModelGates.Monitoring;

/// <summary>
/// Performance without labels for a monitor's windows: CBPE fitted once per run on the model gate's own evaluation
/// data (labelled, not the training set: its model scored on its data, or its predictions file), then each window's score column gives the expected
/// value of every <c>min</c> floor CBPE can estimate (accuracy, precision, recall, F1, AUC), with its sampling band
/// (docs/monitoring.md#performance-without-labels).
/// </summary>
internal sealed class WindowEstimates
{
    private static readonly string[] Estimable = ["accuracy", "precision", "recall", "f1", "auc"];

    private readonly CbpeEstimator estimator;
    private readonly IReadOnlyList<(string Metric, double Floor)> floors;

    private WindowEstimates(CbpeEstimator estimator, IReadOnlyList<(string Metric, double Floor)> floors)
    {
        this.estimator = estimator;
        this.floors = floors;
    }

    /// <summary>The estimates of <paramref name="monitor"/>, or null when it has no binary model gate with a floor CBPE can estimate.</summary>
    public static WindowEstimates? For(GatesConfig config, MonitorDeclaration monitor, GateRunContext context)
    {
        if (monitor.Model is not { } name || monitor.Score is null || config.Models.FirstOrDefault(m => m.Name == name) is not { PredictionsDataset: null } gate
            || gate.Evaluation?.Task != ModelTask.Binary)
        {
            return null;
        }

        var floors = gate.Thresholds.Where(t => t.Kind == "min" && Estimable.Contains(t.Metric, StringComparer.Ordinal)).Select(t => (t.Metric, t.Value)).ToList();
        if (floors.Count == 0)
        {
            return null;
        }

        context.Options.Progress?.Invoke($"monitor '{monitor.Name}': calibrating performance estimates on '{gate.Data}'");
        var (request, _) = ModelGateRunner.CreateRequest(config, gate, context.Datasets, context.Read);
        var scored = ModelEvaluation.Run(context.Datasets.Engine, request with
        {
            Thresholds = [],
            Slices = [],
            Baseline = null,
            BaselineModelPath = null,
            Bootstrap = request.Bootstrap with { Resamples = 1 },
        });
        var predictions = ((BinaryPredictionSet)scored.Predictions!).Predictions;
        var labels = new bool[predictions.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = predictions.Labels[i] == 1;
        }

        return new WindowEstimates(CbpeEstimator.Fit(predictions.Scores, labels, request.Metrics.DecisionThreshold), floors);
    }

    /// <summary>The estimated floors of a window from its scores.</summary>
    public IReadOnlyList<WindowMetric> Of(ReadOnlySpan<double> windowScores)
    {
        var estimates = estimator.Estimate(windowScores).ToDictionary(e => e.Metric, StringComparer.Ordinal);
        return [.. floors.Where(f => estimates.ContainsKey(f.Metric)).Select(f =>
        {
            var e = estimates[f.Metric];
            return double.IsNaN(e.Value)
                ? new WindowMetric(f.Metric, null, null, null, f.Floor)
                : new WindowMetric(f.Metric, e.Value, e.Lower, e.Upper, f.Floor);
        })];
    }
}
