using System.Globalization;
using ModelGates.Data;
using ModelGates.Inputs;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Predictions;
using Xunit.Abstractions;

namespace ModelGates.Xunit;

/// <summary>
/// A model and its evaluation data, loaded once and shared by the tests of a class (<c>IClassFixture&lt;T&gt;</c>
/// of a subclass that names the model and the data), or used directly in one test. It scores the evaluation
/// rows once, keeps the rows in memory for behavioural tests, and writes the tables of every assertion made
/// through it to the test output when given one (<see cref="WriteTo"/>).
/// </summary>
/// <remarks>Not meant for concurrent use: the tests of one class run one after another.</remarks>
public class ModelFixture : IDisposable
{
    private readonly InputPipeline pipeline = new();
    private readonly Lock gate = new();
    private LoadedDataset? data;
    private LoadedDataset? text;
    private IReadOnlyList<IReadOnlyDictionary<string, object?>>? rows;
    private PredictionSet? predictions;
    private ModelScores? scores;
    private ModelScores? rowScores;
    private bool disposed;

    /// <summary>Loads the model at <paramref name="modelPath"/> and the data of <paramref name="data"/>.</summary>
    /// <exception cref="ModelGatesAssertException">The model or the data cannot be read; the message says why.</exception>
    public ModelFixture(string modelPath, EvaluationData data)
        : this(LoadModel(modelPath), data)
    {
    }

    /// <summary>Uses a loaded model (<see cref="MlNetModel.Load"/> or <see cref="MlNetModel.FromTransformer"/>) and loads the data of <paramref name="data"/>.</summary>
    /// <exception cref="ModelGatesAssertException">The data cannot be read; the message says why.</exception>
    public ModelFixture(MlNetModel model, EvaluationData data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        Model = model;
        Data = data;
        Guard($"The evaluation data {data.Path} cannot be read:", () =>
        {
            var source = new DatasetSource(data.Path) { Csv = data.Csv };
            var table = pipeline.ReadTable(source);
            if (table.Unparsed is { } unparsed)
            {
                // A judgement on part of the data must say so; the tolerance is zero here.
                throw new ModelGatesException([unparsed], ExitCodes.CheckFailed);
            }

            this.data = table.Dataset;
            text = pipeline.ReadTable(source with { AllText = true }).Dataset;
            return 0;
        });
    }

    /// <summary>The model.</summary>
    public MlNetModel Model { get; }

    /// <summary>The evaluation data and how the model is judged on it.</summary>
    public EvaluationData Data { get; }

    /// <summary>Where tables are written, or null; set by <see cref="WriteTo"/>.</summary>
    internal ITestOutputHelper? Output { get; private set; }

    /// <summary>The loaded evaluation dataset (typed).</summary>
    internal LoadedDataset Dataset => data!;

    /// <summary>The evaluation rows in memory, in file order: column name → value (numbers as double or long, text as written, missing as null).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows
    {
        get
        {
            lock (gate)
            {
                return rows ??= Guard($"The rows of {Data.Path} cannot be read:", () => DatasetRows.Read(pipeline.Engine, data!, text));
            }
        }
    }

    /// <summary>The model's scores on the evaluation rows (computed once).</summary>
    public ModelScores Scores
    {
        get
        {
            lock (gate)
            {
                return scores ??= Guard($"Model '{Model.Name}' cannot score {Data.Path}:", () => Model.Score(pipeline.Engine, data!, Data.Task, text));
            }
        }
    }

    /// <summary>The model's scores on <see cref="Rows"/> scored in memory (computed once): what behavioural tests compare changed rows with.</summary>
    internal ModelScores RowScores
    {
        get
        {
            var all = Rows;
            lock (gate)
            {
                return rowScores ??= Score(all);
            }
        }
    }

    /// <summary>The model's predictions on the evaluation rows with the labels attached (computed once).</summary>
    public PredictionSet Predictions
    {
        get
        {
            var s = Scores;
            lock (gate)
            {
                return predictions ??= Label(s);
            }
        }
    }

    /// <summary>The label value of the class that is not <see cref="EvaluationData.PositiveClass"/> (binary), from the data; null when it is not one value.</summary>
    internal string? NegativeClass
    {
        get
        {
            if (Data.Task != ModelTask.Binary)
            {
                return null;
            }

            var others = Rows.Select(r => r.TryGetValue(Data.Label, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null)
                .Where(v => v is not null && !string.Equals(v, Data.PositiveClass, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return others.Count == 1 ? others[0] : null;
        }
    }

    /// <summary>Writes the table of every assertion made through this fixture to <paramref name="output"/> (pass or fail); null stops writing. Call it from the test class's constructor: each test has its own output.</summary>
    /// <returns>This fixture.</returns>
    public ModelFixture WriteTo(ITestOutputHelper? output)
    {
        Output = output;
        return this;
    }

    /// <summary>Scores rows held in memory (the evaluation rows changed, or hand-written ones).</summary>
    /// <exception cref="ModelGatesAssertException">A value cannot be given to the model; the message names the row and column.</exception>
    public ModelScores Score(IReadOnlyList<IReadOnlyDictionary<string, object?>> rowsToScore)
    {
        ArgumentNullException.ThrowIfNull(rowsToScore);
        return Guard($"Model '{Model.Name}' cannot score the rows:", () => Model.Score(rowsToScore, Data.Task));
    }

    /// <summary>
    /// One number per row: binary, the probability (or score) of the positive class; regression, the predicted
    /// value; multiclass, the probability of <paramref name="ofClass"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A multiclass model without <paramref name="ofClass"/>, or a class the model does not have.</exception>
    public double[] Predict(IReadOnlyList<IReadOnlyDictionary<string, object?>> rowsToScore, string? ofClass = null) =>
        Prediction.Of(Score(rowsToScore), ofClass);

    /// <summary>Frees the data engine.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the data engine when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (disposing)
        {
            pipeline.Dispose();
        }
    }

    /// <summary>Writes a line to the output, if any.</summary>
    internal void Write(string message) => Output?.WriteLine(message.TrimEnd('\n'));

    /// <summary>An evaluation request over the fixture's data.</summary>
    internal EvaluationRequest Request() => new()
    {
        Task = Data.Task,
        Label = Data.Label,
        Data = data!,
        TextData = text,
        DataName = System.IO.Path.GetFileName(Data.Path),
        PositiveClass = Data.PositiveClass,
        Metrics = Data.Metrics,
        Bootstrap = Data.Bootstrap,
        RequireSignificantRegression = Data.RequireSignificantRegression,
    };

    /// <summary>Scores the evaluation rows with another model (a champion) and attaches the labels.</summary>
    internal PredictionSet PredictionsOf(MlNetModel other)
    {
        lock (gate)
        {
            var otherScores = Guard($"Model '{other.Name}' cannot score {Data.Path}:", () => other.Score(pipeline.Engine, data!, Data.Task, text));
            return Label(otherScores);
        }
    }

    /// <summary>Runs <paramref name="action"/>, turning an explained engine failure into an assertion failure with its diagnostics.</summary>
    internal static T Guard<T>(string headline, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics(headline, e.Diagnostics));
        }
    }

    private static MlNetModel LoadModel(string modelPath) => Guard($"Model '{modelPath}' cannot be loaded:", () => MlNetModel.Load(modelPath));

    private PredictionSet Label(ModelScores s) =>
        Guard($"The labels of {Data.Path} cannot be attached:", () => ModelEvaluation.Label(pipeline.Engine, Request(), s));
}
