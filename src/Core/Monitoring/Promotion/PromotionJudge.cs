using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Metrics;

namespace ModelGates.Monitoring.Promotion;

/// <summary>Both models on one dataset: the challenger judged against the gate's absolute bounds, the champion measured on the same rows and slices, and the paired comparison.</summary>
/// <param name="Data">The dataset's name.</param>
/// <param name="Request">The evaluation of the dataset as the gate declares it.</param>
/// <param name="Challenger">The challenger's evaluation (absolute bounds only).</param>
/// <param name="Champion">The champion's evaluation on the same rows.</param>
/// <param name="Direction">Which way the compared metric improves.</param>
/// <param name="Comparison">Challenger against champion by paired bootstrap.</param>
internal sealed record JudgedSet(string Data, EvaluationRequest Request, EvaluationResult Challenger, EvaluationResult Champion, MetricDirection Direction, PromotionComparison Comparison);

/// <summary>Scores and measures both models on one dataset with the gate's own evaluation (ModelEvaluation), then compares them by paired bootstrap.</summary>
internal static class PromotionJudge
{
    public static JudgedSet Judge(DataEngine engine, ModelGate gate, string configFile, EvaluationRequest request, string challenger, string metric, Action<string>? progress)
    {
        // Change bounds compare with a baseline, which promotion replaces by the champion itself (the margin rule).
        var absolute = request with
        {
            ModelPath = challenger,
            BaselineModelPath = null,
            Baseline = null,
            RequireSignificantRegression = false,
            Thresholds = [.. request.Thresholds.Where(t => !t.Kind.IsChange())],
            AdditionalMetrics = [metric],
        };
        var prefix = $"promote '{gate.Name}' on {request.DataName}: ";
        var challengerResult = Scored(() => ModelEvaluation.Run(engine, absolute, progress is null ? null : l => progress(prefix + "challenger " + l)), challenger);
        var championResult = ModelEvaluation.Run(engine, absolute with { ModelPath = gate.Model, Thresholds = [] }, progress is null ? null : l => progress(prefix + "champion " + l));

        var current = challengerResult.Predictions!.Including([metric]);
        var baseline = championResult.Predictions!.Including(current.MetricIds);
        if (baseline.Task != current.Task || baseline.Count != current.Count)
        {
            throw Unreadable(challenger, $"it predicts a {TaskText.ToText(current.Task)} task on {current.Count} rows, the champion a {TaskText.ToText(baseline.Task)} task on {baseline.Count}");
        }

        progress?.Invoke(prefix + $"paired bootstrap of {metric}: {request.Bootstrap.Resamples} resamples");
        Models.Intervals.PairedMetricComparison paired;
        try
        {
            paired = current.PairedResample(baseline, request.Bootstrap).Summarize(null)[current.IndexOf(metric)];
        }
        catch (ArgumentException e)
        {
            throw Unreadable(challenger, e.Message);
        }

        var improvementLower = paired.Direction == MetricDirection.HigherIsBetter ? paired.DifferenceLower : -paired.DifferenceUpper;
        var comparison = new PromotionComparison(
            request.DataName,
            current.Count,
            paired.Baseline.Value,
            paired.Challenger.Value,
            paired.Difference,
            paired.DifferenceLower,
            paired.DifferenceUpper,
            paired.Difference is null ? null : improvementLower);
        return new JudgedSet(request.DataName, request, challengerResult, championResult, paired.Direction, comparison);
    }

    /// <summary>Runs the challenger's evaluation; a model that does not load is the challenger's fault (MG6041, exit code 3), said as such.</summary>
    private static EvaluationResult Scored(Func<EvaluationResult> run, string challenger)
    {
        try
        {
            return run();
        }
        catch (ModelGatesException e) when (e.ExitCode == ExitCodes.DataError && e.Diagnostics.Any(d => d.File is { } f && Path.GetFullPath(f) == challenger))
        {
            throw new DataReadException([DiagnosticCatalog.ChallengerUnreadable.Create($"Challenger model '{challenger}' cannot be scored.") with { File = challenger }, .. e.Diagnostics]);
        }
    }

    private static DataReadException Unreadable(string challenger, string reason) =>
        new(DiagnosticCatalog.ChallengerUnreadable.Create($"Challenger model '{challenger}' cannot be compared with the champion: {reason}.") with { File = challenger });
}
