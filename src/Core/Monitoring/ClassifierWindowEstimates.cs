using ModelGates.Data;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Monitoring.Estimation;

namespace ModelGates.Monitoring;

/// <summary>
/// CBPE for a binary model gate: calibrated once on the gate's evaluation data, then each window's score column gives
/// the expected value of every <c>min</c> floor CBPE can estimate (accuracy, precision, recall, F1, AUC).
/// </summary>
internal sealed class ClassifierWindowEstimates : WindowEstimates
{
    private static readonly string[] Estimable = ["accuracy", "precision", "recall", "f1", "auc"];

    private readonly CbpeEstimator estimator;
    private readonly string score;
    private readonly IReadOnlyList<(string Metric, double Floor)> floors;

    private ClassifierWindowEstimates(CbpeEstimator estimator, string score, IReadOnlyList<(string Metric, double Floor)> floors)
    {
        this.estimator = estimator;
        this.score = score;
        this.floors = floors;
    }

    public static ClassifierWindowEstimates? For(GatesConfig config, MonitorDeclaration monitor, ModelGate gate, GateRunContext context)
    {
        var floors = gate.Thresholds.Where(t => t.Kind == "min" && Estimable.Contains(t.Metric, StringComparer.Ordinal)).Select(t => (t.Metric, t.Value)).ToList();
        if (floors.Count == 0)
        {
            return null;
        }

        var (request, set) = Evaluate(config, monitor, gate, context);
        var predictions = ((BinaryPredictionSet)set).Predictions;
        var labels = new bool[predictions.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = predictions.Labels[i] == 1;
        }

        return new ClassifierWindowEstimates(CbpeEstimator.Fit(predictions.Scores, labels, request.Metrics.DecisionThreshold), monitor.Score!, floors);
    }

    public override IReadOnlyList<WindowMetric> Of(DataEngine engine, string windowTable)
    {
        var estimates = estimator.Estimate(Scores(engine, windowTable, score)).ToDictionary(e => e.Metric, StringComparer.Ordinal);
        return [.. floors.Where(f => estimates.ContainsKey(f.Metric)).Select(f =>
        {
            var e = estimates[f.Metric];
            return double.IsNaN(e.Value)
                ? new WindowMetric(f.Metric, null, null, null, f.Floor)
                : new WindowMetric(f.Metric, e.Value, e.Lower, e.Upper, f.Floor);
        })];
    }
}
