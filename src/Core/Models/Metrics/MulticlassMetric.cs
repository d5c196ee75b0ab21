using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>A metric of multiclass predictions; the set of metrics is closed (see <see cref="MetricRegistry"/>).</summary>
public abstract class MulticlassMetric : IMetric
{
    /// <summary>Only this assembly defines metrics; the registry is the one list of them.</summary>
    private protected MulticlassMetric()
    {
    }

    /// <inheritdoc/>
    public abstract string Id { get; }

    /// <inheritdoc/>
    public ModelTask Task => ModelTask.Multiclass;

    /// <inheritdoc/>
    public abstract MetricDirection Direction { get; }

    /// <inheritdoc/>
    public bool DependsOnThreshold => false;

    /// <summary>The metric on the whole prediction set (with its sample weights, if any).</summary>
    /// <exception cref="ArgumentException">The metric names a class the prediction set does not have.</exception>
    public MetricValue Compute(MulticlassPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return Compute(MulticlassRowCache.Of(predictions).PointRows);
    }

    /// <summary>Throws when the metric cannot apply to predictions with this many classes.</summary>
    internal virtual void CheckClassCount(int classCount)
    {
    }

    /// <summary>The metric from weighted rows (a whole set or one resample of it).</summary>
    internal abstract MetricValue Compute(WeightedMulticlassRows rows);
}
