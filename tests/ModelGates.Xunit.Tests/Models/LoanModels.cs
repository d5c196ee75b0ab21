using System.Globalization;
using System.Text;
using Microsoft.ML;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests.Models;

/// <summary>
/// Small seeded loan models trained in the tests, saved with their input schema, and the holdout CSV they are judged on.
/// The truth: a loan goes bad less often the higher the income and the older the applicant; the region does not matter.
/// </summary>
public sealed class LoanModels : IDisposable
{
    private readonly TempDirectory directory = new();

    public LoanModels()
    {
        var truth = Rows(1500, seed: 11, incomeEffect: -1.0, regionEffect: 0.0);
        HoldoutCsv = WriteCsv(directory.File("holdout.csv"), Rows(600, seed: 12, incomeEffect: -1.0, regionEffect: 0.0));

        Good = Train(directory.File("good.zip"), truth, useRegion: false);
        GoodTwin = Train(directory.File("good-twin.zip"), Rows(1500, seed: 13, incomeEffect: -1.0, regionEffect: 0.0), useRegion: false);
        AgeOnly = Train(directory.File("age-only.zip"), truth, useRegion: false, useIncome: false);

        // Trained where region "north" happened to go bad: the model learns to use a column that should not matter.
        UsesRegion = Train(directory.File("uses-region.zip"), Rows(1500, seed: 14, incomeEffect: -1.0, regionEffect: 2.5), useRegion: true);

        // Trained on data where income raised the risk: anti-monotone in income.
        AntiMonotone = Train(directory.File("anti-monotone.zip"), Rows(1500, seed: 15, incomeEffect: 1.0, regionEffect: 0.0), useRegion: false);
    }

    public string HoldoutCsv { get; }

    public EvaluationData Holdout => EvaluationData.Binary(HoldoutCsv, "Outcome", "bad") with { Bootstrap = new() { Resamples = 300 } };

    /// <summary>Income and age, no region: invariant to region, monotone in income.</summary>
    public string Good { get; }

    /// <summary>The same recipe on other rows from the same truth.</summary>
    public string GoodTwin { get; }

    /// <summary>Age only: much weaker.</summary>
    public string AgeOnly { get; }

    public string UsesRegion { get; }

    public string AntiMonotone { get; }

    public void Dispose() => directory.Dispose();

    public sealed class Loan
    {
        public float Income { get; set; }

        public float Age { get; set; }

        public string Region { get; set; } = string.Empty;

        public string Outcome { get; set; } = string.Empty;
    }

    private static readonly string[] Regions = ["north", "south", "east", "west"];

    private static List<Loan> Rows(int count, int seed, double incomeEffect, double regionEffect)
    {
        var random = new Random(seed);
        var rows = new List<Loan>(count);
        for (var i = 0; i < count; i++)
        {
            var income = (float)Math.Round(20 + (random.NextDouble() * 180), 1);
            var age = (float)random.Next(18, 80);
            var region = Regions[random.Next(Regions.Length)];
            var logit = (incomeEffect * (income - 110) / 30) - ((age - 49) / 25) + (region == "north" ? regionEffect : 0) + Normal(random);
            rows.Add(new Loan { Income = income, Age = age, Region = region, Outcome = logit > 0 ? "bad" : "good" });
        }

        return rows;
    }

    private static string WriteCsv(string path, IEnumerable<Loan> rows)
    {
        var text = new StringBuilder("Outcome,Income,Age,Region\n");
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Outcome},{r.Income:R},{r.Age:R},{r.Region}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Train(string path, IReadOnlyList<Loan> rows, bool useRegion, bool useIncome = true)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        string[] numeric = useIncome ? [nameof(Loan.Income), nameof(Loan.Age)] : [nameof(Loan.Age)];
        var features = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["bad"] = true, ["good"] = false }, nameof(Loan.Outcome))
            .Append(ml.Transforms.Categorical.OneHotEncoding(nameof(Loan.Region)))
            .Append(ml.Transforms.Concatenate("Features", useRegion ? [.. numeric, nameof(Loan.Region)] : numeric))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        ml.Model.Save(features.Fit(data), data.Schema, path);
        return path;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
