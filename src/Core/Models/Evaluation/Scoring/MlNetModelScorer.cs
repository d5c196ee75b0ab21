using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// Scores an ML.NET model (<c>.zip</c> saved with its input schema) in process on a loaded dataset. Outputs
/// read: binary <c>Probability</c> (or <c>Score</c> when the model is not calibrated, with a note), multiclass
/// the <c>Score</c> vector with class labels from its slot names or the label's key values, regression
/// <c>Score</c>. Every failure is an MG4010-MG4015 diagnostic, never an ML.NET exception.
/// </summary>
internal static class MlNetModelScorer
{
    /// <summary>Scores <paramref name="data"/> with the model at <paramref name="modelPath"/>.</summary>
    /// <exception cref="ModelGatesException">The model cannot be loaded or scored, or does not fit the data or the task.</exception>
    /// <param name="engine">The engine holding the data.</param>
    /// <param name="data">The evaluation rows, typed.</param>
    /// <param name="modelPath">The model.</param>
    /// <param name="task">The task the model must fit.</param>
    /// <param name="textData">The same rows with every column as text, for the model's text inputs (keeps "yes" from becoming "true"); null uses <paramref name="data"/>.</param>
    public static ModelScores Score(DataEngine engine, LoadedDataset data, string modelPath, ModelTask task, LoadedDataset? textData = null) =>
        MlNetModel.Load(modelPath).Score(engine, data, task, textData);

    /// <summary>Scores built input rows, turning a schema mismatch into MG4013 and reading the task's outputs.</summary>
    internal static ModelScores Score(ITransformer model, IDataView view, IReadOnlyList<DataViewSchema.Column> missing, ModelTask task, string modelPath)
    {
        DataViewSchema output;
        try
        {
            output = model.GetOutputSchema(view.Schema);
        }
        catch (Exception e) when (e is not ModelGatesException)
        {
            var lacking = missing.Count == 0
                ? string.Empty
                : $" The data has no column {string.Join(", ", missing.Select(c => $"'{c.Name}' ({c.Type})"))} of the model's input schema.";
            throw EvaluationErrors.Data(DiagnosticCatalog.ModelInputMismatch, $"The data cannot be scored by model '{modelPath}'.{lacking} ML.NET: {Innermost(e)}", modelPath);
        }

        return Read(model.Transform(view), output, task, modelPath);
    }

    /// <summary>Reads the task's outputs from rows a model has scored (<paramref name="output"/> is their schema).</summary>
    internal static ModelScores Read(IDataView scored, DataViewSchema output, ModelTask task, string modelPath)
    {
        return task switch
        {
            ModelTask.Binary => Binary(scored, output, modelPath),
            ModelTask.Multiclass => Multiclass(scored, output, modelPath),
            _ => Regression(scored, output, modelPath),
        };
    }

    /// <summary>Loads a model and its saved input schema.</summary>
    /// <exception cref="ModelGatesException">MG4010, MG4011 or MG4012 (exit code 3).</exception>
    internal static (ITransformer Model, DataViewSchema InputSchema) Load(MLContext ml, string modelPath)
    {
        ITransformer model;
        DataViewSchema? inputSchema;
        try
        {
            using var stream = File.OpenRead(modelPath);
            model = ml.Model.Load(stream, out inputSchema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelGatesException([ModelLoadFailure.Explain(e, modelPath)], ExitCodes.DataError);
        }

        if (inputSchema is null || inputSchema.Count == 0)
        {
            throw EvaluationErrors.Data(DiagnosticCatalog.ModelInputSchemaMissing,
                $"Model '{modelPath}' was saved without its input schema, so ModelGates cannot tell which data columns it reads. Save it with mlContext.Model.Save(model, trainingData.Schema, path).", modelPath);
        }

        return (model, inputSchema);
    }

    private static ModelScores Binary(IDataView scored, DataViewSchema output, string modelPath)
    {
        var score = output.GetColumnOrNull("Score");
        if (score is { Type: VectorDataViewType })
        {
            throw WrongTask(modelPath, "outputs a Score vector (a multiclass model)", "binary");
        }

        if (output.GetColumnOrNull("PredictedLabel") is not { Type: BooleanDataViewType } || score is null)
        {
            throw WrongTask(modelPath, "has no Boolean PredictedLabel and Score outputs (not a binary classifier)", "binary");
        }

        if (output.GetColumnOrNull("Probability") is { Type: NumberDataViewType } probability)
        {
            return new ModelScores { BinaryScores = ReadSingles(scored, probability, modelPath), ScoreKind = BinaryScoreKind.Probability, Source = "Probability" };
        }

        return new ModelScores
        {
            BinaryScores = ReadSingles(scored, score.Value, modelPath),
            ScoreKind = BinaryScoreKind.Score,
            Source = "Score",
            Note = $"Model '{Path.GetFileName(modelPath)}' is not calibrated (no Probability output): its raw Score is used, so logLoss and brier are undefined and the decision threshold applies to the Score (ML.NET predicts positive above 0).",
        };
    }

    private static ModelScores Multiclass(IDataView scored, DataViewSchema output, string modelPath)
    {
        if (output.GetColumnOrNull("Score") is not { Type: VectorDataViewType { IsKnownSize: true } vector } score || vector.ItemType != NumberDataViewType.Single)
        {
            throw WrongTask(modelPath, "has no Score vector output (not a multiclass classifier)", "multiclass");
        }

        var classCount = vector.Size;
        var names = ClassNames(output, score, classCount);
        var rows = new List<float[]>();
        Cursor(scored, score, modelPath, cursor =>
        {
            var getter = cursor.GetGetter<VBuffer<float>>(score);
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                rows.Add(buffer.DenseValues().ToArray());
            }
        });

        var probabilities = new double[rows.Count, classCount];
        for (var i = 0; i < rows.Count; i++)
        {
            // A missing numeric input makes the scores NaN: the row cannot be scored, which says nothing about
            // whether the model outputs probabilities. The row stays NaN, as a binary or regression prediction
            // does; the evaluation rejects it (MG4021), behavioural tests report it.
            if (Array.Exists(rows[i], float.IsNaN))
            {
                for (var c = 0; c < classCount; c++)
                {
                    probabilities[i, c] = double.NaN;
                }

                continue;
            }

            var sum = 0.0;
            for (var c = 0; c < classCount; c++)
            {
                probabilities[i, c] = rows[i][c];
                sum += rows[i][c];
                if (!(rows[i][c] >= 0))
                {
                    throw NotProbabilities(modelPath, i, string.Create(CultureInfo.InvariantCulture, $"has a score of {rows[i][c]} for class '{names[c]}'"));
                }
            }

            if (Math.Abs(sum - 1.0) > 1e-4)
            {
                throw NotProbabilities(modelPath, i, string.Create(CultureInfo.InvariantCulture, $"has scores summing to {sum:R}"));
            }
        }

        return new ModelScores { Probabilities = probabilities, ClassNames = names, Source = "Score" };
    }

    private static ModelScores Regression(IDataView scored, DataViewSchema output, string modelPath)
    {
        if (output.GetColumnOrNull("PredictedLabel") is not null || output.GetColumnOrNull("Score") is not { Type: NumberDataViewType } score)
        {
            throw WrongTask(modelPath, "has a PredictedLabel or no numeric Score output (not a regression model)", "regression");
        }

        return new ModelScores { Values = ReadSingles(scored, score, modelPath), Source = "Score" };
    }

    /// <summary>
    /// The class label of each Score slot: the Score's slot names (trainers copy the label's key values there),
    /// else the key values of the Label or PredictedLabel column, else the slot index.
    /// </summary>
    private static List<string> ClassNames(DataViewSchema output, DataViewSchema.Column score, int classCount)
    {
        if (score.HasSlotNames())
        {
            var slots = default(VBuffer<ReadOnlyMemory<char>>);
            score.GetSlotNames(ref slots);
            var names = slots.DenseValues().Select(s => s.ToString()).ToList();
            if (names.Count == classCount && names.All(n => n.Length > 0))
            {
                return names;
            }
        }

        foreach (var name in new[] { "Label", "PredictedLabel" })
        {
            if (output.GetColumnOrNull(name) is { Type: KeyDataViewType key } column && (int)key.Count == classCount && KeyValues(column) is { } values)
            {
                return values;
            }
        }

        return [.. Enumerable.Range(0, classCount).Select(c => c.ToString(CultureInfo.InvariantCulture))];
    }

    private static List<string>? KeyValues(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull("KeyValues") is not { } annotation || annotation.Type is not VectorDataViewType vector)
        {
            return null;
        }

        if (vector.ItemType is TextDataViewType)
        {
            var text = default(VBuffer<ReadOnlyMemory<char>>);
            column.GetKeyValues(ref text);
            return [.. text.DenseValues().Select(v => v.ToString())];
        }

        if (vector.ItemType == NumberDataViewType.Single)
        {
            var numbers = default(VBuffer<float>);
            column.GetKeyValues(ref numbers);
            return [.. numbers.DenseValues().Select(v => ((double)v).ToString("R", CultureInfo.InvariantCulture))];
        }

        if (vector.ItemType == NumberDataViewType.Double)
        {
            var numbers = default(VBuffer<double>);
            column.GetKeyValues(ref numbers);
            return [.. numbers.DenseValues().Select(v => v.ToString("R", CultureInfo.InvariantCulture))];
        }

        return null;
    }

    private static double[] ReadSingles(IDataView scored, DataViewSchema.Column column, string modelPath)
    {
        var values = new List<double>();
        Cursor(scored, column, modelPath, cursor =>
        {
            if (column.Type == NumberDataViewType.Double)
            {
                var getter = cursor.GetGetter<double>(column);
                var value = 0.0;
                while (cursor.MoveNext())
                {
                    getter(ref value);
                    values.Add(value);
                }
            }
            else
            {
                var getter = cursor.GetGetter<float>(column);
                var value = 0f;
                while (cursor.MoveNext())
                {
                    getter(ref value);
                    values.Add(value);
                }
            }
        });
        return [.. values];
    }

    private static void Cursor(IDataView scored, DataViewSchema.Column column, string modelPath, Action<DataViewRowCursor> read)
    {
        try
        {
            using var cursor = scored.GetRowCursor([scored.Schema[column.Name]]);
            read(cursor);
        }
        catch (Exception e) when (e is not (ModelGatesException or OutOfMemoryException))
        {
            throw EvaluationErrors.Data(DiagnosticCatalog.ScoringFailed, $"Model '{modelPath}' failed while scoring the data: {Innermost(e)}", modelPath);
        }
    }

    private static ModelGatesException WrongTask(string modelPath, string what, string task) =>
        EvaluationErrors.Usage(DiagnosticCatalog.ModelOutputMismatch, $"Model '{modelPath}' {what}, but the evaluation's task is {task}. Declare the task the model was trained for.", modelPath);

    private static ModelGatesException NotProbabilities(string modelPath, int row, string what) =>
        EvaluationErrors.Usage(DiagnosticCatalog.ModelOutputMismatch, string.Create(CultureInfo.InvariantCulture,
            $"Model '{modelPath}' does not output class probabilities: row {row + 1} {what}. Multiclass metrics need a Score vector that is a probability distribution (a maximum-entropy, LightGBM or calibrated one-versus-all trainer)."), modelPath);

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message.ReplaceLineEndings(" ").Trim();
    }
}
