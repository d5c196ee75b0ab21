using System.Globalization;
using System.Text;
using Microsoft.ML;

namespace ModelGates.Tests.Models.Importance;

/// <summary>
/// Seeded rows and ML.NET models with a known reliance on each column: Strong drives the outcome, Weak a little,
/// Noise is a feature without signal, Unread is in the data (and the model's input schema) but not in its features.
/// </summary>
internal static class ImportanceModels
{
    public sealed class Row
    {
        public float Strong { get; set; }

        public float Weak { get; set; }

        public float Noise { get; set; }

        public float Unread { get; set; }

        public string Outcome { get; set; } = string.Empty;
    }

    public static List<Row> Rows(int count, int seed, bool swapped = false)
    {
        var random = new Random(seed);
        var rows = new List<Row>();
        for (var i = 0; i < count; i++)
        {
            var strong = (float)Normal(random);
            var weak = (float)Normal(random);
            var logit = swapped ? (0.4 * strong) + (2.5 * weak) : (2.5 * strong) + (0.4 * weak);
            rows.Add(new Row
            {
                Strong = strong,
                Weak = weak,
                Noise = (float)Normal(random),
                Unread = (float)Normal(random),
                Outcome = logit + Normal(random) > 0 ? "yes" : "no",
            });
        }

        return rows;
    }

    public static string WriteCsv(string path, IEnumerable<Row> rows)
    {
        var text = new StringBuilder("Strong,Weak,Noise,Unread,Outcome\n");
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Strong:R},{r.Weak:R},{r.Noise:R},{r.Unread:R},{r.Outcome}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>A logistic regression (SDCA, seeded) over Strong, Weak and Noise; Unread is in the schema only.</summary>
    public static string Binary(string path, IReadOnlyList<Row> training)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["yes"] = true, ["no"] = false }, nameof(Row.Outcome))
            .Append(ml.Transforms.Concatenate("Features", nameof(Row.Strong), nameof(Row.Weak), nameof(Row.Noise)))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 50));
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
