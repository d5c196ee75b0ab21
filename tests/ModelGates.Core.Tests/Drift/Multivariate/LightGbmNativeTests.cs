using ModelGates.Drift.Multivariate;

namespace ModelGates.Tests.Drift.Multivariate;

/// <summary>LightGBM's C API as the domain classifier calls it: a fit that learns, its gain on the right feature, and errors as exceptions with LightGBM's message.</summary>
public sealed class LightGbmNativeTests
{
    private const string Dataset = "max_bin=255 verbose=-1 num_threads=1 data_random_seed=1";

    private const string Booster = "objective=binary num_leaves=15 min_data_in_leaf=20 learning_rate=0.1 num_threads=1 seed=1 deterministic=true force_row_wise=true verbose=-1";

    [Fact]
    public void A_fit_ranks_rows_by_the_feature_that_decides_their_label_and_puts_its_gain_there()
    {
        // Two features: the label is feature 1 above 0.5; feature 0 is noise.
        var (rows, labels) = Data(600);

        using var booster = LightGbmNative.Train(rows, 2, labels, Dataset, Booster, 20);
        var scores = booster.Predict([0.3, 0.9, 0.7, 0.1], "num_threads=1");
        var gain = booster.Gain();

        // Row 0 has feature 1 = 0.9 (label 1), row 1 has 0.1 (label 0): raw scores are log-odds.
        Assert.True(scores[0] > 0 && scores[1] < 0, $"{scores[0]} and {scores[1]}");
        Assert.True(gain[1] > 10 * gain[0], $"gain {gain[0]} and {gain[1]}");
    }

    [Fact]
    public void A_parameter_LightGBM_rejects_is_an_exception_with_its_message()
    {
        var (rows, labels) = Data(100);

        var error = Assert.Throws<LightGbmException>(() => LightGbmNative.Train(rows, 2, labels, Dataset, "objective=binary num_leaves=-3 verbose=-1", 5));

        Assert.Contains("num_leaves", error.Message, StringComparison.Ordinal);
    }

    private static (double[] Rows, float[] Labels) Data(int count)
    {
        var random = new ModelGates.Statistics.SeededRandom(3);
        var rows = new double[count * 2];
        var labels = new float[count];
        for (var i = 0; i < count; i++)
        {
            rows[2 * i] = random.NextDouble();
            rows[(2 * i) + 1] = random.NextDouble();
            labels[i] = rows[(2 * i) + 1] > 0.5 ? 1 : 0;
        }

        return (rows, labels);
    }
}
