using ModelGates.Data;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Predictions;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>Trains the test models once (seeded) and writes the holdout CSV they are evaluated on.</summary>
public sealed class EvaluationFixture : IDisposable
{
    private readonly TempDirectory directory = new();

    public EvaluationFixture()
    {
        var training = TrainedModels.Rows(600, seed: 7);
        Holdout = TrainedModels.Rows(400, seed: 8);
        HoldoutCsv = TrainedModels.WriteCsv(directory.File("holdout.csv"), Holdout);
        BinaryModel = TrainedModels.Binary(directory.File("binary.zip"), training);
        MulticlassModel = TrainedModels.Multiclass(directory.File("multiclass.zip"), training);
        RegressionModel = TrainedModels.Regression(directory.File("regression.zip"), training);
    }

    internal IReadOnlyList<TrainedModels.Row> Holdout { get; }

    public string HoldoutCsv { get; }

    public string BinaryModel { get; }

    public string MulticlassModel { get; }

    public string RegressionModel { get; }

    internal TempDirectory Directory => directory;

    /// <summary>A request over a CSV with a fresh engine (disposed by the caller).</summary>
    public static (DataEngine Engine, EvaluationRequest Request) Request(string csv, ModelTask task, string label, string? model = null)
    {
        var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(csv));
        var text = DatasetLoader.Load(engine, new DatasetSource(csv) { AllText = true });
        return (engine, new EvaluationRequest { Task = task, Label = label, Data = data, TextData = text, DataName = Path.GetFileName(csv), ModelPath = model, Bootstrap = new() { Resamples = 200 } });
    }

    public void Dispose() => directory.Dispose();
}
