using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// Reads what any model (Python, ONNX, a vendor) predicted from a predictions file: binary a score column
/// (probabilities when every score lies in [0, 1], free scores otherwise), multiclass one probability column per
/// class, regression the predicted value; or, without scores, a predicted-label column.
/// </summary>
internal static class PredictionsFileReader
{
    /// <summary>Reads the predictions of <paramref name="task"/> from <paramref name="data"/>.</summary>
    /// <exception cref="ModelGatesException">A column is missing (MG4022) or holds unusable values (MG4021); exit code 3.</exception>
    /// <param name="engine">The engine holding the file's rows.</param>
    /// <param name="data">The predictions file, typed.</param>
    /// <param name="task">The task.</param>
    /// <param name="columns">Which columns hold the predictions.</param>
    /// <param name="positiveClass">The binary positive class, for predicted labels.</param>
    /// <param name="textData">The same rows as text, for predicted labels as written; null uses <paramref name="data"/>.</param>
    public static ModelScores Read(DataEngine engine, LoadedDataset data, ModelTask task, PredictionColumns columns, string? positiveClass, LoadedDataset? textData = null)
    {
        var text = textData ?? data;
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columns);
        return task switch
        {
            ModelTask.Binary => Binary(engine, data, text, columns, positiveClass),
            ModelTask.Multiclass => Multiclass(engine, data, text, columns),
            _ => Regression(engine, data, columns),
        };
    }

    private static ModelScores Binary(DataEngine engine, LoadedDataset data, LoadedDataset text, PredictionColumns columns, string? positiveClass)
    {
        if (columns.Score is { } scoreColumn)
        {
            var scores = EvaluationColumns.Numbers(engine, data, EvaluationColumns.Require(data, scoreColumn, "score"), "score", DiagnosticCatalog.PredictionsUnusable);
            var probabilities = scores.All(s => s is >= 0.0 and <= 1.0);
            return new ModelScores
            {
                BinaryScores = scores,
                ScoreKind = probabilities ? BinaryScoreKind.Probability : BinaryScoreKind.Score,
                Source = scoreColumn,
                Note = probabilities ? null : $"Scores of column '{scoreColumn}' lie outside [0, 1], so they are read as free scores: logLoss and brier are undefined, and the decision threshold applies to the raw score.",
            };
        }

        var predicted = Predicted(engine, text, columns);
        var labels = LabelEncoder.Binary(predicted, columns.Predicted!, positiveClass, data.Source.Path, allowOneClass: true);
        return new ModelScores
        {
            BinaryScores = [.. labels.Select(l => (double)l)],
            ScoreKind = BinaryScoreKind.Score,
            Source = columns.Predicted!,
            Note = $"Only predicted labels (column '{columns.Predicted}') are given: they are scored as 0/1 scores, so auc and averagePrecision rank two levels and logLoss and brier are undefined.",
        };
    }

    private static ModelScores Multiclass(DataEngine engine, LoadedDataset data, LoadedDataset text, PredictionColumns columns)
    {
        if (columns.Probabilities.Count > 0)
        {
            var k = columns.Probabilities.Count;
            var perClass = columns.Probabilities
                .Select(c => EvaluationColumns.Numbers(engine, data, EvaluationColumns.Require(data, c.Column, "probability"), "probability", DiagnosticCatalog.PredictionsUnusable))
                .ToList();
            var probabilities = new double[data.Rows, k];
            for (var i = 0; i < data.Rows; i++)
            {
                for (var c = 0; c < k; c++)
                {
                    probabilities[i, c] = perClass[c][i];
                }
            }

            return new ModelScores { Probabilities = probabilities, ClassNames = [.. columns.Probabilities.Select(c => c.Class)], Source = string.Join(",", columns.Probabilities.Select(c => c.Column)) };
        }

        var predicted = Predicted(engine, text, columns);
        if (predicted.Any(p => p is null))
        {
            throw Unusable(data, columns.Predicted!, Array.IndexOf(predicted, null));
        }

        var classes = predicted.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(p => p!).ToList();
        if (classes.Count < 2)
        {
            classes.Add(classes[0] + " (other)");
        }

        var oneHot = new double[predicted.Length, classes.Count];
        for (var i = 0; i < predicted.Length; i++)
        {
            oneHot[i, classes.IndexOf(predicted[i]!)] = 1.0;
        }

        return new ModelScores
        {
            Probabilities = oneHot,
            ClassNames = classes,
            Source = columns.Predicted!,
            Note = $"Only predicted labels (column '{columns.Predicted}') are given: they are scored as one-hot probabilities, so logLoss, topKAccuracy and macroAuc do not measure a probability model (macroAuc of one-hot scores is the mean over classes of (recall + specificity) / 2).",
        };
    }

    private static ModelScores Regression(DataEngine engine, LoadedDataset data, PredictionColumns columns)
    {
        var column = columns.Score ?? columns.Predicted!;
        return new ModelScores
        {
            Values = EvaluationColumns.Numbers(engine, data, EvaluationColumns.Require(data, column, "prediction"), "prediction", DiagnosticCatalog.PredictionsUnusable),
            Source = column,
        };
    }

    private static string?[] Predicted(DataEngine engine, LoadedDataset data, PredictionColumns columns)
    {
        if (columns.Predicted is not { } name)
        {
            throw EvaluationErrors.Usage(DiagnosticCatalog.MissingArgument, "A predictions file needs a score column (binary, regression), probability columns (multiclass) or a predicted-label column.");
        }

        return EvaluationColumns.Text(engine, data, EvaluationColumns.Require(data, name, "predicted label"));
    }

    private static ModelGatesException Unusable(LoadedDataset data, string column, int row) =>
        EvaluationErrors.Data(DiagnosticCatalog.PredictionsUnusable,
            string.Create(CultureInfo.InvariantCulture, $"The predicted label column '{column}' has a missing value at data row {row + 1}."), data.Source.Path);
}
