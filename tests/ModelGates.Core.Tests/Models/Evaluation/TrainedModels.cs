using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>Small ML.NET models trained inside the tests with fixed seeds, saved with their input schema, and the CSV they score.</summary>
internal static class TrainedModels
{
    public sealed class Row
    {
        public float X1 { get; set; }

        public float X2 { get; set; }

        public string Color { get; set; } = string.Empty;

        public bool Flag { get; set; }

        public string Outcome { get; set; } = string.Empty;

        public string Species { get; set; } = string.Empty;

        public float Target { get; set; }
    }

    /// <summary>Seeded rows: a binary outcome, a 3-class species and a numeric target, all learnable from X1, X2, Color and Flag.</summary>
    public static List<Row> Rows(int count, int seed)
    {
        var random = new Random(seed);
        var colors = new[] { "red", "green", "blue" };
        var rows = new List<Row>();
        for (var i = 0; i < count; i++)
        {
            var x1 = (float)((random.NextDouble() * 4) - 2);
            var x2 = (float)((random.NextDouble() * 4) - 2);
            var color = colors[random.Next(3)];
            var flag = random.NextDouble() < 0.5;
            var logit = (1.5 * x1) - x2 + (color == "red" ? 0.8 : 0) + (flag ? 0.5 : -0.5) + Normal(random);
            var species = x1 + (0.5 * Normal(random)) < -0.7 ? "setosa" : x2 + (0.5 * Normal(random)) < 0 ? "versicolor" : "virginica";
            rows.Add(new Row
            {
                X1 = x1,
                X2 = x2,
                Color = color,
                Flag = flag,
                Outcome = logit > 0 ? "yes" : "no",
                Species = species,
                Target = (float)((3 * x1) - (2 * x2) + (color == "blue" ? 1 : 0) + Normal(random)),
            });
        }

        return rows;
    }

    public static string WriteCsv(string path, IEnumerable<Row> rows)
    {
        var text = new StringBuilder("X1,X2,Color,Flag,Outcome,Species,Target\n");
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.X1:R},{r.X2:R},{r.Color},{(r.Flag ? "true" : "false")},{r.Outcome},{r.Species},{r.Target:R}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>A calibrated binary classifier (SDCA logistic regression) of Outcome = "yes".</summary>
    public static string Binary(string path, IReadOnlyList<Row> training, bool saveSchema = true)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["yes"] = true, ["no"] = false }, nameof(Row.Outcome))
            .Append(Features(ml))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 50));
        var model = pipeline.Fit(data);
        ml.Model.Save(model, saveSchema ? data.Schema : null, path);
        return path;
    }

    /// <summary>An uncalibrated binary classifier (averaged perceptron: Score only).</summary>
    public static string UncalibratedBinary(string path, IReadOnlyList<Row> training)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["yes"] = true, ["no"] = false }, nameof(Row.Outcome))
            .Append(Features(ml))
            .Append(ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 5));
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }

    /// <summary>A FastTree binary classifier (trees: the assembly a model needs at load time).</summary>
    public static string FastTreeBinary(string path, IReadOnlyList<Row> training)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["yes"] = true, ["no"] = false }, nameof(Row.Outcome))
            .Append(Features(ml))
            .Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 10, minimumExampleCountPerLeaf: 5));
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }

    /// <summary>A maximum-entropy multiclass classifier of Species (text classes through a key).</summary>
    public static string Multiclass(string path, IReadOnlyList<Row> training)
    {
        var (model, schema) = MulticlassTransformer(training);
        new MLContext(seed: 1).Model.Save(model, schema, path);
        return path;
    }

    /// <summary>The multiclass classifier of <see cref="Multiclass"/>, in memory, with the schema of its training data.</summary>
    public static (ITransformer Model, DataViewSchema InputSchema) MulticlassTransformer(IReadOnlyList<Row> training)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Species))
            .Append(Features(ml))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return (pipeline.Fit(data), data.Schema);
    }

    /// <summary>A linear regression (SDCA) of Target.</summary>
    public static string Regression(string path, IReadOnlyList<Row> training)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.CopyColumns("Label", nameof(Row.Target))
            .Append(Features(ml))
            .Append(ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 50));
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }

    /// <summary>ML.NET's own evaluation of a saved model on rows, for comparison.</summary>
    public static IDataView Score(string modelPath, IReadOnlyList<Row> rows)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(modelPath, out _);
        return model.Transform(ml.Data.LoadFromEnumerable(rows));
    }

    private static IEstimator<ITransformer> Features(MLContext ml) =>
        ml.Transforms.Categorical.OneHotEncoding(nameof(Row.Color))
            .Append(ml.Transforms.Conversion.ConvertType("FlagNumber", nameof(Row.Flag), DataKind.Single))
            .Append(ml.Transforms.Concatenate("Features", nameof(Row.X1), nameof(Row.X2), nameof(Row.Color), "FlagNumber"));

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
