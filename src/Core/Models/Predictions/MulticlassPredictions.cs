using static ModelGates.Models.Predictions.PredictionInputChecks;

namespace ModelGates.Models.Predictions;

/// <summary>
/// The predictions of a K-class classifier on a labelled holdout: per row a label in 0..K-1, one
/// probability per class and, optionally, a sample weight. Immutable: the inputs are copied.
/// </summary>
/// <remarks>
/// The predicted class of a row is the class with the highest probability; a tie goes to the
/// lowest class index (numpy's <c>argmax</c>, which is what a scikit-learn user gets from
/// <c>proba.argmax(axis=1)</c>).
/// </remarks>
public sealed class MulticlassPredictions
{
    /// <summary>How far a row's probabilities may sum from 1 (float32 softmax outputs sum to 1 within about 1e-6).</summary>
    public const double RowSumTolerance = 1e-4;

    private readonly int[] labels;
    private readonly double[] probabilities;
    private readonly double[]? weights;
    private readonly int[] predictedClasses;

    /// <summary>Checks and copies the predictions.</summary>
    /// <param name="labels">The true class of each row, in 0..K-1.</param>
    /// <param name="probabilities">An n×K matrix: row i holds the probability of each class for row i.</param>
    /// <param name="weights">Optional non-negative sample weights (null: every row weighs 1).</param>
    /// <exception cref="ArgumentException">
    /// There are no rows, fewer than 2 classes, the lengths differ, a label is outside 0..K-1, a
    /// probability is NaN or outside [0, 1], a row does not sum to 1 within
    /// <see cref="RowSumTolerance"/>, or a weight is invalid.
    /// </exception>
    public MulticlassPredictions(int[] labels, double[,] probabilities, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        RequireRows(labels.Length, nameof(labels));
        RequireSameLength(labels.Length, probabilities.GetLength(0), nameof(probabilities), "The probability matrix");
        var classCount = probabilities.GetLength(1);
        if (classCount < 2)
        {
            throw new ArgumentException(
                Invariant($"The probability matrix has {classCount} column(s); a multiclass model needs at least 2 classes."),
                nameof(probabilities));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount)
            {
                throw new ArgumentException(
                    Invariant($"The label at index {i} is {labels[i]}; labels must lie in 0..{classCount - 1}."),
                    nameof(labels));
            }
        }

        var flat = new double[labels.Length * classCount];
        var predicted = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var sum = 0.0;
            var best = 0;
            for (var c = 0; c < classCount; c++)
            {
                var p = probabilities[i, c];
                if (double.IsNaN(p) || p < 0.0 || p > 1.0)
                {
                    throw new ArgumentException(
                        Invariant($"The probability of class {c} at row index {i} is {Describe(p)}; probabilities must lie in [0, 1]."),
                        nameof(probabilities));
                }

                flat[(i * classCount) + c] = p;
                sum += p;

                // Strictly greater: the first (lowest) class keeps a tie.
                if (p > flat[(i * classCount) + best])
                {
                    best = c;
                }
            }

            if (Math.Abs(sum - 1.0) > RowSumTolerance)
            {
                throw new ArgumentException(
                    Invariant($"The probabilities at row index {i} sum to {Describe(sum)}; each row must sum to 1."),
                    nameof(probabilities));
            }

            predicted[i] = best;
        }

        this.labels = (int[])labels.Clone();
        this.probabilities = flat;
        this.weights = CopyWeights(weights, labels.Length, nameof(weights));
        predictedClasses = predicted;
        ClassCount = classCount;
    }

    /// <summary>The number of rows.</summary>
    public int Count => labels.Length;

    /// <summary>The number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>The true class of each row.</summary>
    public ReadOnlySpan<int> Labels => labels;

    /// <summary>The probabilities, row-major: row i's K values start at index i×K.</summary>
    public ReadOnlySpan<double> Probabilities => probabilities;

    /// <summary>The predicted class of each row: the highest probability, ties to the lowest class index.</summary>
    public ReadOnlySpan<int> PredictedClasses => predictedClasses;

    /// <summary>The sample weights, or an empty span when every row weighs 1.</summary>
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>True when sample weights were given.</summary>
    public bool HasWeights => weights is not null;

    /// <summary>The K probabilities of one row.</summary>
    public ReadOnlySpan<double> ProbabilitiesOf(int row) => probabilities.AsSpan(row * ClassCount, ClassCount);
}
