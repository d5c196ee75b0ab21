using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Promotion;

/// <summary>
/// Seeded ML.NET models of the credit data (samples/CreditRisk/data/train.csv), trained in the test as the sample
/// trains its model: a champion, and one challenger per row of the promotion truth table.
/// </summary>
internal sealed record CreditModels(string Champion, string Good, string Worse, string SliceRegressor, string GateBreaker)
{
    /// <summary>The Home value whose training labels the slice regressor learns upside down.</summary>
    public const string RegressedHome = "priv";

    private static readonly string[] NumericColumns = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"];
    private static readonly string[] CategoricalColumns = ["Home", "Marital", "Records", "Job"];
    private static readonly string[] Header = ["Status", "Seniority", "Home", "Time", "Age", "Marital", "Records", "Job", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"];

    public static string Train => RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv");

    public static string Holdout => RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv");

    /// <summary>Trains every model into <paramref name="folder"/>.</summary>
    public static CreditModels TrainAll(string folder)
    {
        Directory.CreateDirectory(folder);

        // The slice regressor learns the rows of one Home value with their labels swapped.
        var flipped = Path.Combine(folder, "train-flipped.csv");
        File.WriteAllLines(flipped, File.ReadAllLines(Train).Select((line, i) => i == 0 ? line : Flip(line)));
        return new CreditModels(
            Save(Path.Combine(folder, "champion.zip"), Train, NumericColumns, trees: 60, learningRate: 0.1, scale: null),
            Save(Path.Combine(folder, "good.zip"), Train, NumericColumns, trees: 80, learningRate: 0.1, scale: null),
            
            // Without the strongest features (seniority, income, assets, home, records), clearly and really worse.
            Save(Path.Combine(folder, "worse.zip"), Train, ["Time", "Age", "Expenses", "Amount", "Price"], trees: 60, learningRate: 0.1, scale: null, categorical: ["Marital", "Job"]),
            Save(Path.Combine(folder, "slice.zip"), flipped, NumericColumns, trees: 60, learningRate: 0.1, scale: null),

            // The champion's trees with every probability halved: the same ranking (auc, slices), but few rows reach the
            // decision threshold, so recall falls below an absolute bound.
            Save(Path.Combine(folder, "breaker.zip"), Train, NumericColumns, trees: 60, learningRate: 0.1, scale: 0.4));
    }

    private static string Flip(string line)
    {
        var fields = line.Split(',');
        if (fields[2] == RegressedHome)
        {
            fields[0] = fields[0] == "bad" ? "good" : fields[0] == "good" ? "bad" : fields[0];
        }

        return string.Join(',', fields);
    }

    private static string Save(string path, string trainCsv, string[] numeric, int trees, double learningRate, double? scale, string[]? categorical = null)
    {
        categorical ??= CategoricalColumns;
        var ml = new MLContext(seed: 42);
        var loader = ml.Data.CreateTextLoader(new TextLoader.Options { Columns = Columns(), HasHeader = true, Separators = [','] });
        var train = loader.Load(trainCsv);
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["bad"] = true, ["good"] = false }, "Status")
            .Append(ml.Transforms.ReplaceMissingValues(numeric.Select(c => new InputOutputColumnPair(c)).ToArray()))
            .Append(ml.Transforms.Categorical.OneHotEncoding(categorical.Select(c => new InputOutputColumnPair(c)).ToArray()))
            .Append(ml.Transforms.Concatenate("Features", [.. numeric, .. categorical]))
            .Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: trees, minimumExampleCountPerLeaf: 20, learningRate: learningRate));
        if (scale is { } s)
        {
            pipeline = pipeline.Append(ml.Transforms.Expression("Probability", string.Create(CultureInfo.InvariantCulture, $"p : p * {s:R}"), "Probability"));
        }

        ml.Model.Save(pipeline.Fit(train), train.Schema, path);
        return path;
    }

    private static TextLoader.Column[] Columns() =>
    [
        new("Status", DataKind.String, 0),
        .. NumericColumns.Select(name => new TextLoader.Column(name, DataKind.Single, Array.IndexOf(Header, name))),
        .. CategoricalColumns.Select(name => new TextLoader.Column(name, DataKind.String, Array.IndexOf(Header, name))),
    ];
}
