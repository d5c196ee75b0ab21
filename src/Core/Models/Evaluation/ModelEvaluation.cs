using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation;

/// <summary>
/// One evaluation from end to end: score the model (or read the predictions file), attach the labels, find the
/// slices, measure and judge. Shared by <c>modelgates evaluate</c>, the model gates of <c>modelgates check</c> and
/// <c>modelgates accept</c>.
/// </summary>
public static class ModelEvaluation
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <param name="engine">The engine holding the data.</param>
    /// <param name="request">What to evaluate and how to judge it.</param>
    /// <param name="progress">
    /// Receives a line at each phase boundary (scoring, scoring the baseline model, the bootstrap, the paired
    /// bootstrap, the slices), for progress on long evaluations; null for none.
    /// </param>
    /// <exception cref="ModelGatesException">The model, labels, predictions or slices cannot be used; the diagnostic says why.</exception>
    public static EvaluationResult Run(DataEngine engine, EvaluationRequest request, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        progress?.Invoke(request.ModelPath is { } modelPath
            ? string.Create(CultureInfo.InvariantCulture, $"scoring: model {Data.PathDisplay.For(modelPath)} on {request.Data.Rows:N0} rows")
            : string.Create(CultureInfo.InvariantCulture, $"scoring: reading predictions of {request.Data.Rows:N0} rows"));
        var scores = Score(engine, request, request.ModelPath);
        var current = Label(engine, request, scores);
        PredictionSet? baseline = null;
        if (request.BaselineModelPath is { } baselinePath)
        {
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"baseline: scoring baseline model {baselinePath} on the same rows"));
            baseline = Label(engine, request, MlNetModelScorer.Score(engine, request.Data, baselinePath, request.Task, request.TextData));
            if (baseline is MulticlassPredictionSet b && current is MulticlassPredictionSet c && !b.ClassNames.SequenceEqual(c.ClassNames, StringComparer.Ordinal))
            {
                throw EvaluationErrors.Usage(DiagnosticCatalog.ModelOutputMismatch,
                    $"The baseline model's classes ({string.Join(", ", b.ClassNames)}) differ from the model's ({string.Join(", ", c.ClassNames)}); a paired comparison needs the same classes.", baselinePath);
            }
        }

        var slices = SliceResolver.Resolve(engine, request.Data, request.Slices, request.ConfigFile);
        var result = ModelEvaluator.Evaluate(current, baseline, request, slices, progress);
        return result with
        {
            ScoreSource = scores.Source,
            Notes = scores.Note is null ? [] : [scores.Note],
            Predictions = current,
        };
    }

    /// <summary>Scores the model at <paramref name="modelPath"/>, or reads the predictions file when it is null.</summary>
    internal static ModelScores Score(DataEngine engine, EvaluationRequest request, string? modelPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        return modelPath is not null
            ? MlNetModelScorer.Score(engine, request.Data, modelPath, request.Task, request.TextData)
            : PredictionsFileReader.Read(engine, request.Data, request.Task, request.Columns, request.PositiveClass, request.TextData);
    }

    /// <summary>Attaches the labels of the evaluation data to scores.</summary>
    /// <exception cref="ModelGatesException">MG4020 or MG4021 (exit code 3).</exception>
    public static PredictionSet Label(DataEngine engine, EvaluationRequest request, ModelScores scores)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scores);
        var data = request.TextData ?? request.Data;
        var label = EvaluationColumns.Require(data, request.Label, "label");
        try
        {
            switch (request.Task)
            {
                case ModelTask.Binary:
                    var binary = LabelEncoder.Binary(EvaluationColumns.Text(engine, data, label), label.Name, request.PositiveClass, data.Source.Path);
                    return new BinaryPredictionSet(new BinaryPredictions(binary, scores.BinaryScores!, scoreKind: scores.ScoreKind), request.Metrics);
                case ModelTask.Multiclass:
                    var classes = LabelEncoder.Classes(EvaluationColumns.Text(engine, data, label), label.Name, scores.ClassNames, data.Source.Path);
                    return new MulticlassPredictionSet(new MulticlassPredictions(classes, scores.Probabilities!), scores.ClassNames, request.Metrics);
                default:
                    var truth = EvaluationColumns.Numbers(engine, data, label, "label", DiagnosticCatalog.LabelsUnusable);
                    return new RegressionPredictionSet(new RegressionPredictions(truth, scores.Values!));
            }
        }
        catch (ArgumentException e)
        {
            // The prediction sets check every value; their message names the row index and the value.
            throw EvaluationErrors.Data(DiagnosticCatalog.PredictionsUnusable, $"The predictions from '{scores.Source}' cannot be evaluated: {e.Message}", data.Source.Path);
        }
    }
}
