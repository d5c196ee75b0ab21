using ModelGates.Data;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Predictions;

namespace ModelGates.Monitoring;

/// <summary>
/// Performance without labels for a monitor's windows (docs/monitoring.md#performance-without-labels): an estimator
/// fitted once per run on the model gate's own evaluation data (labelled, not the training set: its model scored on
/// its data, or its predictions file), then each window gives the expected value of every bound the estimator can
/// estimate, with its sampling band. Binary models: CBPE (<see cref="ClassifierWindowEstimates"/>); multiclass models: multiclass CBPE (<see cref="MulticlassWindowEstimates"/>); regression
/// models: DLE (<see cref="RegressionWindowEstimates"/>).
/// </summary>
internal abstract class WindowEstimates
{
    /// <summary>The estimated bounds of a window, from its table (the score column, and for DLE the features).</summary>
    public abstract IReadOnlyList<WindowMetric> Of(DataEngine engine, string windowTable);

    /// <summary>The estimates of <paramref name="monitor"/>, or null when its model gate has no bound an estimator can estimate.</summary>
    public static WindowEstimates? For(GatesConfig config, MonitorDeclaration monitor, GateRunContext context, LoadedDataset data)
    {
        if (monitor.Model is not { } name || config.Models.FirstOrDefault(m => m.Name == name) is not { PredictionsDataset: null } gate)
        {
            return null;
        }

        if (gate.Evaluation?.Task == ModelTask.Multiclass)
        {
            return monitor.Probabilities is null ? null : MulticlassWindowEstimates.For(config, monitor, gate, context);
        }

        if (monitor.Score is null)
        {
            return null;
        }

        return gate.Evaluation?.Task switch
        {
            ModelTask.Binary => ClassifierWindowEstimates.For(config, monitor, gate, context),
            ModelTask.Regression => RegressionWindowEstimates.For(config, monitor, gate, context, data),
            _ => null,
        };
    }

    /// <summary>The model gate's evaluation data with its model's predictions: what the estimators are fitted on.</summary>
    internal static (EvaluationRequest Request, PredictionSet Predictions) Evaluate(GatesConfig config, MonitorDeclaration monitor, ModelGate gate, GateRunContext context)
    {
        context.Options.Progress?.Invoke($"monitor '{monitor.Name}': fitting performance estimates on '{gate.Data ?? gate.Predictions}'");
        var (request, _) = ModelGateRunner.CreateRequest(config, gate, context.Datasets, context.Read);
        var scored = ModelEvaluation.Run(context.Datasets.Engine, request with
        {
            Thresholds = [],
            Slices = [],
            Baseline = null,
            BaselineModelPath = null,
            Bootstrap = request.Bootstrap with { Resamples = 1 },
        });
        return (request, scored.Predictions!);
    }

    /// <summary>The window's score column as numbers, rows without a finite score left out.</summary>
    internal static double[] Scores(DataEngine engine, string windowTable, string score) =>
        [.. engine.Query($"SELECT CAST({SqlText.Identifier(score)} AS DOUBLE) FROM {windowTable} WHERE {SqlText.Identifier(score)} IS NOT NULL", r => r.GetDouble(0)).Where(double.IsFinite)];
}
