using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>
/// A metric of binary predictions. Implementations compute from the weight of each class per
/// distinct score, which the bootstrap refills per resample without sorting again; the set of
/// metrics is closed (see <see cref="MetricRegistry"/>).
/// </summary>
public abstract class BinaryMetric : IMetric
{
    /// <summary>Only this assembly defines metrics; the registry is the one list of them.</summary>
    private protected BinaryMetric()
    {
    }

    /// <inheritdoc/>
    public abstract string Id { get; }

    /// <inheritdoc/>
    public ModelTask Task => ModelTask.Binary;

    /// <inheritdoc/>
    public abstract MetricDirection Direction { get; }

    /// <inheritdoc/>
    public virtual bool DependsOnThreshold => false;

    /// <summary>The metric on the whole prediction set (with its sample weights, if any).</summary>
    public MetricValue Compute(BinaryPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return Compute(BinaryScoreOrder.Of(predictions).PointTable);
    }

    /// <summary>The metric from per-score class weights (a whole set or one resample of it).</summary>
    internal abstract MetricValue Compute(BinaryScoreTable table);
}
