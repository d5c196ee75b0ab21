using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Importance;

namespace ModelGates.Gates;

/// <summary>A model gate's permutation importances, measured once per run (docs/explainability.md).</summary>
internal static class ModelImportance
{
    /// <summary>
    /// The importances of <paramref name="gate"/>'s model on its evaluation rows: from the run's cache, or measured
    /// from <paramref name="labelled"/> (the gate's evaluation) or, when the gate has not run yet, from a scoring of its own.
    /// </summary>
    public static ImportanceResult Measure(GatesConfig config, ModelGate gate, GateRunContext context, EvaluationRequest? request = null, PredictionSet? labelled = null)
    {
        if (context.Importances.TryGetValue(gate.Name, out var cached))
        {
            return cached;
        }

        var settings = gate.Importance!;
        request ??= ModelGateRunner.CreateRequest(config, gate, context.Datasets, context.Read).Request;
        var engine = context.Datasets.Engine;
        labelled ??= ModelEvaluation.Label(engine, request, ModelEvaluation.Score(engine, request, gate.Model));
        var progress = context.Options.Progress;
        progress?.Invoke($"model '{gate.Name}': measuring permutation importance ({settings.Options.Repeats} repeats per column)");
        var result = PermutationImportance.Compute(engine, request, gate.Model!, labelled, settings.Options);
        context.Importances[gate.Name] = result;
        return result;
    }

    /// <summary>
    /// The importances of the gate's baseline model on the same rows, with the same options: the shift's comparison
    /// when the gate declares a baseline model rather than a baseline file.
    /// </summary>
    public static ImportanceResult MeasureBaselineModel(GatesConfig config, ModelGate gate, GateRunContext context, EvaluationRequest request, string baselineModel)
    {
        var engine = context.Datasets.Engine;
        var labelled = ModelEvaluation.Label(engine, request, ModelEvaluation.Score(engine, request, baselineModel));
        context.Options.Progress?.Invoke($"model '{gate.Name}': measuring permutation importance of the baseline model");
        return PermutationImportance.Compute(engine, request, baselineModel, labelled, gate.Importance!.Options);
    }
}
