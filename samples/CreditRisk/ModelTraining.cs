using Microsoft.ML;
using Microsoft.ML.Data;
using ModelGates.Lineage;

namespace CreditRisk;

/// <summary>Trains the credit-risk classifier: the probability that an applicant's loan goes bad.</summary>
internal static class ModelTraining
{
    private static readonly string[] NumericColumns = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"];
    private static readonly string[] CategoricalColumns = ["Home", "Marital", "Records", "Job"];

    public static CalibratedBinaryClassificationMetrics Train(SamplePaths paths)
    {
        var ml = new MLContext(seed: 42);
        var loader = ml.Data.CreateTextLoader(new TextLoader.Options { Columns = Columns(), HasHeader = true, Separators = [','] });
        var train = loader.Load(paths.Train);
        var holdout = loader.Load(paths.Holdout);

        var pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["bad"] = true, ["good"] = false }, "Status")
            .Append(ml.Transforms.ReplaceMissingValues(NumericColumns.Select(c => new InputOutputColumnPair(c)).ToArray()))
            .Append(ml.Transforms.Categorical.OneHotEncoding(CategoricalColumns.Select(c => new InputOutputColumnPair(c)).ToArray()))
            .Append(ml.Transforms.Concatenate("Features", [.. NumericColumns, .. CategoricalColumns]))
            .Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 60, minimumExampleCountPerLeaf: 20, learningRate: 0.1));

        var model = pipeline.Fit(train);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(holdout));
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Model)!);

        // The model zip carries its lineage (seed, SHA-256 of the training data, commit, versions): the lineage gate in
        // modelgates.json checks it against data/train.csv on every build. Paths are recorded relative to the project.
        ModelLineage.Save(ml, model, train.Schema, paths.Model, new LineageOptions
        {
            BaseDirectory = paths.Root,
            DataFiles = { Path.GetRelativePath(paths.Root, paths.Train) },
            Metrics = { ["auc"] = metrics.AreaUnderRocCurve, ["logLoss"] = metrics.LogLoss },
            Hyperparameters = { ["numberOfLeaves"] = "8", ["numberOfTrees"] = "60", ["minimumExampleCountPerLeaf"] = "20", ["learningRate"] = "0.1" },
        });
        return metrics;
    }

    private static TextLoader.Column[] Columns() =>
    [
        new("Status", DataKind.String, 0),
        .. NumericColumns.Select((name, i) => new TextLoader.Column(name, DataKind.Single, ColumnIndex(name))),
        .. CategoricalColumns.Select(name => new TextLoader.Column(name, DataKind.String, ColumnIndex(name))),
    ];

    private static int ColumnIndex(string name) =>
        Array.IndexOf(["Status", "Seniority", "Home", "Time", "Age", "Marital", "Records", "Job", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"], name);
}
