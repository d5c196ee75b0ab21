using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>A metric of regression predictions; the set of metrics is closed (see <see cref="MetricRegistry"/>).</summary>
public abstract class RegressionMetric : IMetric
{
    /// <summary>Only this assembly defines metrics; the registry is the one list of them.</summary>
    private protected RegressionMetric()
    {
    }

    /// <inheritdoc/>
    public abstract string Id { get; }

    /// <inheritdoc/>
    public ModelTask Task => ModelTask.Regression;

    /// <inheritdoc/>
    public abstract MetricDirection Direction { get; }

    /// <inheritdoc/>
    public bool DependsOnThreshold => false;

    /// <summary>The metric on the whole prediction set (with its sample weights, if any).</summary>
    public MetricValue Compute(RegressionPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return Compute(new WeightedRegressionRows(predictions, predictions.HasWeights ? predictions.Weights.ToArray() : null));
    }

    /// <summary>The metric from weighted rows (a whole set or one resample of it).</summary>
    internal abstract MetricValue Compute(WeightedRegressionRows rows);
}
