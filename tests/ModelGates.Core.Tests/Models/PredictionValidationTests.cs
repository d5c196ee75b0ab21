using ModelGates.Models.Predictions;

namespace ModelGates.Tests.Models;

public sealed class PredictionValidationTests
{
    [Fact]
    public void Binary_predictions_reject_bad_input_naming_the_index()
    {
        AssertRejected(() => new BinaryPredictions([], []), "no rows");
        AssertRejected(() => new BinaryPredictions([0, 1], [0.5]), "1 values but there are 2 labels");
        AssertRejected(() => new BinaryPredictions([0, 2], [0.5, 0.5]), "index 1 is 2");
        AssertRejected(() => new BinaryPredictions([0, 1], [0.5, double.NaN]), "index 1 is NaN");
        AssertRejected(() => new BinaryPredictions([0, 1], [1.5, 0.5]), "[0, 1]");
        AssertRejected(() => new BinaryPredictions([0, 1], [-0.1, 0.5]), "index 0 is -0.1");
        AssertRejected(() => new BinaryPredictions([0, 1], [3.0, double.PositiveInfinity], scoreKind: BinaryScoreKind.Score), "finite");
        AssertRejected(() => new BinaryPredictions([0, 1], [0.2, 0.5], [1.0, -1.0]), "not negative");
        AssertRejected(() => new BinaryPredictions([0, 1], [0.2, 0.5], [0.0, 0.0]), "sum to 0");
        AssertRejected(() => new BinaryPredictions([0, 1], [0.2, 0.5], [1.0]), "The weights has 1 values");
    }

    [Fact]
    public void Free_scores_outside_0_1_are_accepted_when_declared_as_scores()
    {
        var predictions = new BinaryPredictions([0, 1], [-3.5, 7.25], scoreKind: BinaryScoreKind.Score);

        Assert.Equal(BinaryScoreKind.Score, predictions.ScoreKind);
        Assert.Equal(7.25, predictions.Scores[1]);
    }

    [Fact]
    public void Prediction_sets_copy_their_inputs()
    {
        int[] labels = [0, 1];
        double[] scores = [0.2, 0.9];
        var predictions = new BinaryPredictions(labels, scores);

        labels[0] = 1;
        scores[0] = 0.99;

        Assert.Equal(0, predictions.Labels[0]);
        Assert.Equal(0.2, predictions.Scores[0]);
        Assert.False(predictions.HasWeights);
        Assert.True(predictions.Weights.IsEmpty);
    }

    [Fact]
    public void Multiclass_predictions_reject_bad_input_naming_the_row()
    {
        AssertRejected(() => new MulticlassPredictions([0], new double[1, 1] { { 1.0 } }), "at least 2 classes");
        AssertRejected(() => new MulticlassPredictions([0, 3], new[,] { { 0.5, 0.5, 0.0 }, { 0.2, 0.3, 0.5 } }), "index 1 is 3");
        AssertRejected(() => new MulticlassPredictions([-1], new[,] { { 0.5, 0.5 } }), "index 0 is -1");
        AssertRejected(() => new MulticlassPredictions([0], new[,] { { 0.5, double.NaN } }), "class 1 at row index 0 is NaN");
        AssertRejected(() => new MulticlassPredictions([0], new[,] { { 1.2, -0.2 } }), "[0, 1]");
        AssertRejected(() => new MulticlassPredictions([0], new[,] { { 0.5, 0.4 } }), "sum to 0.9");
        AssertRejected(() => new MulticlassPredictions([0, 1], new[,] { { 0.5, 0.5 } }), "1 values but there are 2 labels");
    }

    [Fact]
    public void Multiclass_rows_may_miss_1_by_float32_rounding()
    {
        var predictions = new MulticlassPredictions([1], new[,] { { 0.3, 0.70001 } });

        Assert.Equal(1, predictions.PredictedClasses[0]);
        Assert.Equal(2, predictions.ClassCount);
    }

    [Fact]
    public void Regression_predictions_reject_bad_input()
    {
        AssertRejected(() => new RegressionPredictions([], []), "no rows");
        AssertRejected(() => new RegressionPredictions([1.0], [double.NaN]), "prediction at index 0 is NaN");
        AssertRejected(() => new RegressionPredictions([double.NegativeInfinity], [1.0]), "label at index 0");
        AssertRejected(() => new RegressionPredictions([1.0, 2.0], [1.0]), "1 values but there are 2 labels");
    }

    private static void AssertRejected(Func<object> create, string messagePart)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => create());
        Assert.Contains(messagePart, exception.Message, StringComparison.Ordinal);
    }
}
