using static ModelGates.Models.Predictions.PredictionInputChecks;

namespace ModelGates.Models.Predictions;

/// <summary>
/// The predictions of a regression model on a labelled holdout: per row the true value, the
/// predicted value and, optionally, a sample weight. Immutable: the arrays are copied.
/// </summary>
public sealed class RegressionPredictions
{
    private readonly double[] labels;
    private readonly double[] predictions;
    private readonly double[]? weights;

    /// <summary>Checks and copies the predictions.</summary>
    /// <param name="labels">The true value of each row.</param>
    /// <param name="predictions">The predicted value of each row.</param>
    /// <param name="weights">Optional non-negative sample weights (null: every row weighs 1).</param>
    /// <exception cref="ArgumentException">
    /// There are no rows, the lengths differ, a value is NaN or infinite, or a weight is invalid.
    /// </exception>
    public RegressionPredictions(double[] labels, double[] predictions, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        RequireRows(labels.Length, nameof(labels));
        RequireSameLength(labels.Length, predictions.Length, nameof(predictions), "The predictions");
        RequireFinite(labels, nameof(labels), "The label");
        RequireFinite(predictions, nameof(predictions), "The prediction");
        this.labels = (double[])labels.Clone();
        this.predictions = (double[])predictions.Clone();
        this.weights = CopyWeights(weights, labels.Length, nameof(weights));
    }

    /// <summary>The number of rows.</summary>
    public int Count => labels.Length;

    /// <summary>The true value of each row.</summary>
    public ReadOnlySpan<double> Labels => labels;

    /// <summary>The predicted value of each row.</summary>
    public ReadOnlySpan<double> Predictions => predictions;

    /// <summary>The sample weights, or an empty span when every row weighs 1.</summary>
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>True when sample weights were given.</summary>
    public bool HasWeights => weights is not null;
}
