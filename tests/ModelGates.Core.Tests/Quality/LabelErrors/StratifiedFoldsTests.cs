using ModelGates.Quality.LabelErrors;
using Xunit;

namespace ModelGates.Tests.Quality.LabelErrors;

public sealed class StratifiedFoldsTests
{
    [Fact]
    public void Every_fold_holds_each_class_within_one_of_an_even_share()
    {
        var labels = Enumerable.Range(0, 103).Select(i => i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0).ToArray();
        var folds = StratifiedFolds.Assign(labels, 3, 5, seed: 9);
        for (var c = 0; c < 3; c++)
        {
            var perFold = Enumerable.Range(0, 5).Select(f => Enumerable.Range(0, labels.Length).Count(i => labels[i] == c && folds[i] == f)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {c}: {string.Join(",", perFold)}");
        }

        Assert.Equal(folds, StratifiedFolds.Assign(labels, 3, 5, seed: 9));
        Assert.NotEqual(folds, StratifiedFolds.Assign(labels, 3, 5, seed: 10));
    }
}
