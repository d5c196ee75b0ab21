using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>
/// Per-row quantities of a multiclass prediction set that do not depend on weights (each row's
/// clipped log loss, whether its label is in the top k, each class's ranking of the rows), computed once and shared by the point
/// estimate and every bootstrap resample.
/// </summary>
internal sealed class MulticlassRowCache
{
    private static readonly ConditionalWeakTable<MulticlassPredictions, MulticlassRowCache> Caches = new();

    private readonly Lazy<double[]> rowLogLoss;
    private readonly Lazy<WeightedMulticlassRows> pointRows;
    private readonly Lazy<ClassScoreOrder[]> classOrders;
    private readonly ConcurrentDictionary<int, bool[]> topKHits = new();

    private MulticlassRowCache(MulticlassPredictions predictions)
    {
        Predictions = predictions;
        rowLogLoss = new Lazy<double[]>(() => MulticlassLogLossMetric.RowLosses(predictions));
        pointRows = new Lazy<WeightedMulticlassRows>(() =>
            new WeightedMulticlassRows(this, predictions.HasWeights ? predictions.Weights.ToArray() : null));
        classOrders = new Lazy<ClassScoreOrder[]>(() => ClassScoreOrder.For(predictions));
    }

    public MulticlassPredictions Predictions { get; }

    /// <summary>Each row's log loss after scikit-learn's clipping and renormalisation.</summary>
    public double[] RowLogLoss => rowLogLoss.Value;

    /// <summary>The prediction set with its own weights.</summary>
    public WeightedMulticlassRows PointRows => pointRows.Value;

    /// <summary>Each class's one-vs-rest ranking of the rows by its probability, by class index.</summary>
    public ClassScoreOrder[] ClassOrders => classOrders.Value;

    public static MulticlassRowCache Of(MulticlassPredictions predictions) =>
        Caches.GetValue(predictions, p => new MulticlassRowCache(p));

    /// <summary>Whether each row's label is among its k highest-scored classes (scikit-learn's tie rule).</summary>
    public bool[] TopKHits(int k) => topKHits.GetOrAdd(k, key => TopKAccuracyMetric.RowHits(Predictions, key));
}
