using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>A regression prediction set with one weight per row (sample weight times resample count).</summary>
internal sealed class WeightedRegressionRows
{
    private readonly double[]? weights;

    /// <param name="predictions">The prediction set.</param>
    /// <param name="weights">One weight per row, or null when every row weighs 1.</param>
    public WeightedRegressionRows(RegressionPredictions predictions, double[]? weights)
    {
        Predictions = predictions;
        this.weights = weights;
        TotalWeight = weights is null ? predictions.Count : weights.Sum();
    }

    public RegressionPredictions Predictions { get; }

    public int RowCount => Predictions.Count;

    public double TotalWeight { get; }

    public double WeightOf(int row) => weights is null ? 1.0 : weights[row];

    /// <summary>Σ wᵢ f(yᵢ, ŷᵢ) / Σ wᵢ, numpy's weighted <c>average</c> of a per-row error.</summary>
    public double WeightedMean(Func<double, double, double> error)
    {
        var labels = Predictions.Labels;
        var predicted = Predictions.Predictions;
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            sum += WeightOf(i) * error(labels[i], predicted[i]);
        }

        return sum / TotalWeight;
    }
}
