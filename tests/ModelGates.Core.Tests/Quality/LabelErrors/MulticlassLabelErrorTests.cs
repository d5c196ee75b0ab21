using ModelGates.Quality;
using ModelGates.Quality.Features;
using ModelGates.Quality.LabelErrors;
using ModelGates.Statistics;
using Xunit;
using Xunit.Abstractions;

namespace ModelGates.Tests.Quality.LabelErrors;

/// <summary>Three seeded Gaussian classes with flipped labels: the multiclass trainers find the flips.</summary>
public sealed class MulticlassLabelErrorTests(ITestOutputHelper output)
{
    private const int PerClass = 200;
    private const int Flips = 30;

    [Theory]
    [InlineData("lightGbm")]
    [InlineData("fastTree")]
    [InlineData("lbfgsMaximumEntropy")]
    [InlineData("sdcaMaximumEntropy")]
    public void Flips_between_three_separable_classes_are_found(string trainer)
    {
        var (table, flipped) = Blobs();
        var finding = LabelErrorDetector.Detect(table, new LabelErrorOptions { Label = "kind", Trainer = LabelErrorTrainerText.Parse(trainer), MaxRows = 1000 }).Finding;
        var precisionAtK = (double)finding.Rows.Take(Flips).Count(r => flipped.Contains(r.RowIndex)) / Flips;
        var recall = (double)finding.Rows.Count(r => flipped.Contains(r.RowIndex)) / Flips;
        output.WriteLine($"{trainer}: flagged {finding.Count}, precision@{Flips} {precisionAtK:F3}, recall {recall:F3}");

        // The classes are 4 standard deviations apart, so a working model separates nearly every flip from the rest.
        Assert.True(precisionAtK >= 0.8, $"precision@{Flips} {precisionAtK:F3}");
        Assert.True(recall >= 0.8, $"recall {recall:F3}");
        Assert.Equal("labelErrors", finding.Check);
        Assert.Equal("MG2150", finding.Code);
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_probabilities_and_another_seed_other_folds()
    {
        var (table, _) = Blobs();
        var options = new LabelErrorOptions { Label = "kind" };
        var first = LabelErrorDetector.Detect(table, options);
        var second = LabelErrorDetector.Detect(table, options);
        Assert.Equal(first.Probabilities, second.Probabilities);
        Assert.Equal(first.Finding.Rows.Select(r => r.RowIndex), second.Finding.Rows.Select(r => r.RowIndex));
        Assert.NotEqual(first.Probabilities, LabelErrorDetector.Detect(table, options with { Seed = 43 }).Probabilities);
    }

    private static (FeatureTable Table, HashSet<long> Flipped) Blobs()
    {
        var random = new SeededRandom(11);
        string[] classes = ["alpha", "beta", "gamma"];
        var n = PerClass * classes.Length;
        var x = new double[n];
        var y = new double[n];
        var colour = new string?[n];
        var label = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var c = i % 3;
            x[i] = (4.0 * c) + random.NextGaussian();
            y[i] = (c == 1 ? 4.0 : 0.0) + random.NextGaussian();
            colour[i] = random.NextDouble() < 0.5 ? "red" : "blue";
            label[i] = classes[c];
        }

        var flipped = new HashSet<long>();
        while (flipped.Count < Flips)
        {
            flipped.Add(random.NextInt64(n));
        }

        foreach (var row in flipped)
        {
            label[row] = classes[(Array.IndexOf(classes, label[row]) + 1 + (int)random.NextInt64(2)) % 3];
        }

        return (new FeatureTable(n, [FeatureColumn.Numeric("x", x), FeatureColumn.Numeric("y", y), FeatureColumn.Categorical("colour", colour), FeatureColumn.Categorical("kind", label)]), flipped);
    }
}
