using System.Globalization;
using System.Text;
using Microsoft.ML;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests.Models;

/// <summary>
/// Small seeded multiclass models of a risk tier (low, medium, high) trained in the tests, saved with their input
/// schema, and the holdout CSV they are judged on. The truth: the higher the income, the lower the tier; the
/// region does not matter.
/// </summary>
public sealed class RiskTierModels : IDisposable
{
    private readonly TempDirectory directory = new();

    public RiskTierModels()
    {
        HoldoutCsv = WriteCsv(directory.File("tiers.csv"), Rows(300, seed: 22, regionEffect: 0.0));
        IgnoresRegion = Train(directory.File("tiers-income.zip"), Rows(400, seed: 21, regionEffect: 0.0), useRegion: false);

        // Trained where region "north" happened to be high risk: the model learns to use a column that should not matter.
        UsesRegion = Train(directory.File("tiers-region.zip"), Rows(400, seed: 23, regionEffect: 3.0), useRegion: true);
    }

    public string HoldoutCsv { get; }

    public EvaluationData Holdout => EvaluationData.Multiclass(HoldoutCsv, "Tier") with { Bootstrap = new() { Resamples = 200 } };

    /// <summary>Income only: invariant to region, its probability of "high" falls as income rises.</summary>
    public string IgnoresRegion { get; }

    /// <summary>Income and region.</summary>
    public string UsesRegion { get; }

    public void Dispose() => directory.Dispose();

    public sealed class Applicant
    {
        public float Income { get; set; }

        public string Region { get; set; } = string.Empty;

        public string Tier { get; set; } = string.Empty;
    }

    private static readonly string[] Regions = ["north", "south", "east", "west"];

    private static List<Applicant> Rows(int count, int seed, double regionEffect)
    {
        var random = new Random(seed);
        var rows = new List<Applicant>(count);
        for (var i = 0; i < count; i++)
        {
            var income = (float)Math.Round(20 + (random.NextDouble() * 180), 1);
            var region = Regions[random.Next(Regions.Length)];
            var risk = (-(income - 110) / 30) + (region == "north" ? regionEffect : 0) + (0.4 * Normal(random));
            var tier = risk > 1 ? "high" : risk < -1 ? "low" : "medium";
            rows.Add(new Applicant { Income = income, Region = region, Tier = tier });
        }

        return rows;
    }

    private static string WriteCsv(string path, IEnumerable<Applicant> rows)
    {
        var text = new StringBuilder("Tier,Income,Region\n");
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Tier},{r.Income:R},{r.Region}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Train(string path, IReadOnlyList<Applicant> rows, bool useRegion)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var features = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Applicant.Tier))
            .Append(ml.Transforms.Categorical.OneHotEncoding(nameof(Applicant.Region)))
            .Append(ml.Transforms.Concatenate("Features", useRegion ? [nameof(Applicant.Income), nameof(Applicant.Region)] : [nameof(Applicant.Income)]))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        ml.Model.Save(features.Fit(data), data.Schema, path);
        return path;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
