using Microsoft.ML;
using Microsoft.ML.Data;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// An ML.NET model and the input schema it was saved with, loaded once and scored many times: on a dataset the
/// engine has read (every column converted in SQL, as <c>modelgates evaluate</c> does) or on rows held in memory
/// (behavioural tests score perturbed copies of the evaluation rows and hand-written cases).
/// </summary>
public sealed class MlNetModel
{
    private MlNetModel(ITransformer transformer, DataViewSchema inputSchema, string name)
    {
        Transformer = transformer;
        InputSchema = inputSchema;
        Name = name;
    }

    /// <summary>The model's path, or the name it was given; messages name the model by it.</summary>
    public string Name { get; }

    /// <summary>The trained pipeline.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The schema of the data the model was trained on: the columns it reads.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>
    /// The data columns the model reads, in schema order: each visible input column, or for a vector input the
    /// columns named after its slots.
    /// </summary>
    public IReadOnlyList<string> InputColumns => [.. InputSchema.Where(c => !c.IsHidden).SelectMany(c => RowInputBuilder.SourceColumns(c))];

    /// <summary>Loads the model at <paramref name="path"/> with its saved input schema.</summary>
    /// <exception cref="ModelGatesException">MG4010, MG4011 or MG4012: the file is missing, not a model, needs a trainer assembly that is not deployed, or has no input schema.</exception>
    public static MlNetModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (model, inputSchema) = MlNetModelScorer.Load(new MLContext(seed: 0), path);
        return new MlNetModel(model, inputSchema, path);
    }

    /// <summary>Wraps a model trained or loaded by the caller.</summary>
    /// <param name="transformer">The trained pipeline.</param>
    /// <param name="inputSchema">The schema of its training data (what <c>mlContext.Model.Save</c> would store).</param>
    /// <param name="name">How messages name the model.</param>
    public static MlNetModel FromTransformer(ITransformer transformer, DataViewSchema inputSchema, string name)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(name);
        return new MlNetModel(transformer, inputSchema, name);
    }

    /// <summary>Scores a loaded dataset, each input column converted in SQL to the type the schema declares.</summary>
    /// <param name="engine">The engine holding the data.</param>
    /// <param name="data">The rows, typed.</param>
    /// <param name="task">The task the model must fit.</param>
    /// <param name="textData">The same rows with every column as text, for text inputs; null uses <paramref name="data"/>.</param>
    /// <exception cref="ModelGatesException">The data does not fit the model, or the model does not fit the task.</exception>
    public ModelScores Score(DataEngine engine, LoadedDataset data, ModelTask task, LoadedDataset? textData = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        var (view, missing) = ModelInputBuilder.Build(engine, data, textData ?? data, InputSchema, Name);
        return MlNetModelScorer.Score(Transformer, view, missing, task, Name);
    }

    /// <summary>
    /// Scores rows held in memory, one dictionary of column values per row (as <see cref="DatasetRows.Read"/>
    /// gives them, or written by hand). Values are converted to the input schema's types the way a dataset's are:
    /// numbers and numeric text to floating point (null or absent: missing, NaN), anything to text (whole numbers
    /// without a decimal point), true/false, yes/no, t/f, 1/0 to Boolean.
    /// </summary>
    /// <exception cref="ModelGatesException">MG4013: a value cannot be converted (the message names the row, the column and the value), or the model does not fit the task.</exception>
    public ModelScores Score(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, ModelTask task)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var view = RowInputBuilder.Build(rows, InputSchema, Name);
        return MlNetModelScorer.Score(Transformer, view, [], task, Name);
    }
}
