using static ModelGates.Models.Predictions.PredictionInputChecks;

namespace ModelGates.Models.Predictions;

/// <summary>
/// The predictions of a binary classifier on a labelled holdout: per row a label (0 or 1), a score
/// for class 1 and, optionally, a sample weight. Immutable: the arrays are copied on construction.
/// </summary>
public sealed class BinaryPredictions
{
    private readonly int[] labels;
    private readonly double[] scores;
    private readonly double[]? weights;

    /// <summary>Checks and copies the predictions.</summary>
    /// <param name="labels">The true class of each row: 0 or 1.</param>
    /// <param name="scores">The score of class 1 for each row; see <paramref name="scoreKind"/>.</param>
    /// <param name="weights">Optional non-negative sample weights (null: every row weighs 1).</param>
    /// <param name="scoreKind">Whether the scores are probabilities (checked to lie in [0, 1]) or free scores.</param>
    /// <exception cref="ArgumentException">
    /// There are no rows, the lengths differ, a label is not 0 or 1, a score is NaN or infinite, a
    /// probability is outside [0, 1], or a weight is negative, not finite, or all weights are 0.
    /// </exception>
    public BinaryPredictions(
        int[] labels,
        double[] scores,
        double[]? weights = null,
        BinaryScoreKind scoreKind = BinaryScoreKind.Probability)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        RequireRows(labels.Length, nameof(labels));
        RequireSameLength(labels.Length, scores.Length, nameof(scores), "The scores");
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0 or 1))
            {
                throw new ArgumentException(
                    Invariant($"The label at index {i} is {labels[i]}; binary labels must be 0 or 1."),
                    nameof(labels));
            }
        }

        if (scoreKind == BinaryScoreKind.Probability)
        {
            RequireProbabilities(scores, nameof(scores), "The probability");
        }
        else
        {
            RequireFinite(scores, nameof(scores), "The score");
        }

        this.labels = (int[])labels.Clone();
        this.scores = (double[])scores.Clone();
        this.weights = CopyWeights(weights, labels.Length, nameof(weights));
        ScoreKind = scoreKind;
    }

    /// <summary>The number of rows.</summary>
    public int Count => labels.Length;

    /// <summary>The true class of each row (0 or 1).</summary>
    public ReadOnlySpan<int> Labels => labels;

    /// <summary>The score of class 1 for each row.</summary>
    public ReadOnlySpan<double> Scores => scores;

    /// <summary>The sample weights, or an empty span when every row weighs 1.</summary>
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>True when sample weights were given.</summary>
    public bool HasWeights => weights is not null;

    /// <summary>Whether the scores are probabilities or free scores.</summary>
    public BinaryScoreKind ScoreKind { get; }
}
