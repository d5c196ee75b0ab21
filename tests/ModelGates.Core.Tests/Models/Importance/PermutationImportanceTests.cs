using ModelGates.Models.Evaluation;
using ModelGates.Models.Importance;
using ModelGates.Models.Predictions;
using ModelGates.Testing;
using ModelGates.Tests.Models.Evaluation;

namespace ModelGates.Tests.Models.Importance;

/// <summary>Permutation importance of a seeded ML.NET model whose reliance on each column is known by construction.</summary>
public sealed class PermutationImportanceTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string model;
    private readonly string holdout;

    public PermutationImportanceTests()
    {
        model = ImportanceModels.Binary(directory.File("model.zip"), ImportanceModels.Rows(800, seed: 3));
        holdout = ImportanceModels.WriteCsv(directory.File("holdout.csv"), ImportanceModels.Rows(600, seed: 4));
    }

    private ImportanceResult Measure(ImportanceOptions options)
    {
        var (engine, request) = EvaluationFixture.Request(holdout, ModelTask.Binary, "Outcome", model);
        using (engine)
        {
            request = request with { PositiveClass = "yes" };
            var labelled = ModelEvaluation.Label(engine, request, ModelEvaluation.Score(engine, request, model));
            return PermutationImportance.Compute(engine, request, model, labelled, options);
        }
    }

    [Fact]
    public void A_column_the_model_never_uses_has_an_interval_containing_zero_and_the_driver_ranks_first()
    {
        var result = Measure(new ImportanceOptions { Repeats = 5, Seed = 1, Resamples = 200 });
        Assert.Equal("auc", result.Metric);
        Assert.Equal(["Strong", "Weak", "Noise", "Unread"], result.Features.Select(f => f.Column).Take(2).Concat(result.Features.Skip(2).Select(f => f.Column).Order(StringComparer.Ordinal)));

        var unread = result.Features.Single(f => f.Column == "Unread");
        Assert.Equal(0.0, unread.Importance);
        Assert.True(unread.Lower <= 0 && unread.Upper >= 0, $"Unread: [{unread.Lower}, {unread.Upper}]");

        // Noise is a feature, so the model weighs it a little, but its drop is within the holdout's variation.
        var noise = result.Features.Single(f => f.Column == "Noise");
        Assert.True(noise.Lower <= 0 && noise.Upper >= 0, $"Noise: [{noise.Lower}, {noise.Upper}]");

        var strong = result.Features[0];
        Assert.Equal("Strong", strong.Column);
        Assert.Equal(1, strong.Rank);
        Assert.True(strong.Lower > 0.1, $"Strong: [{strong.Lower}, {strong.Upper}]");
        Assert.True(strong.Lower <= strong.Importance && strong.Importance <= strong.Upper);
        Assert.True(result.Features[1].IsSignificant, "Weak's drop should be above 0");
        Assert.DoesNotContain("Outcome", result.Features.Select(f => f.Column));
    }

    [Fact]
    public void The_same_seed_gives_the_same_importances_and_another_seed_other_shuffles()
    {
        var options = new ImportanceOptions { Repeats = 3, Seed = 7, Resamples = 60 };
        var first = Measure(options);
        var second = Measure(options);
        Assert.Equal(first.Features, second.Features);
        var other = Measure(options with { Seed = 8 });
        Assert.NotEqual(first.Features.Single(f => f.Column == "Strong").Importance, other.Features.Single(f => f.Column == "Strong").Importance);
    }

    [Fact]
    public void A_lower_is_better_metric_measures_the_rise_as_the_drop()
    {
        var result = Measure(new ImportanceOptions { Repeats = 2, Seed = 1, Resamples = 40, Metric = "logLoss" });
        Assert.Equal("logLoss", result.Metric);
        Assert.Equal("Strong", result.Features[0].Column);
        Assert.True(result.Features[0].Importance > 0.1);
    }

    [Fact]
    public void Shuffle_orders_are_permutations_that_depend_on_column_repeat_and_seed()
    {
        var order = ColumnShuffle.Order(1, "Strong", 0, 50);
        Assert.Equal(Enumerable.Range(0, 50), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), order);
        Assert.NotEqual(order, ColumnShuffle.Order(1, "Strong", 1, 50));
        Assert.NotEqual(order, ColumnShuffle.Order(1, "Weak", 0, 50));
        Assert.NotEqual(order, ColumnShuffle.Order(2, "Strong", 0, 50));
        Assert.Equal(order, ColumnShuffle.Order(1, "Strong", 0, 50));
    }

    public void Dispose() => directory.Dispose();
}
