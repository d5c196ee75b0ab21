using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Intervals;

/// <summary>Multiclass metrics per resample: row weights are the sample weight times the resample count.</summary>
internal sealed class MulticlassResampleEvaluator(MulticlassPredictions predictions, IReadOnlyList<MulticlassMetric> metrics) : IResampleEvaluator
{
    private readonly MulticlassRowCache cache = MulticlassRowCache.Of(predictions);

    public int RowCount => predictions.Count;

    public int ValueCount => metrics.Count;

    public IResampleWorker CreateWorker() => new Worker(cache, metrics);

    private sealed class Worker(MulticlassRowCache cache, IReadOnlyList<MulticlassMetric> metrics) : IResampleWorker
    {
        private readonly double[] weights = new double[cache.Predictions.Count];

        public void Evaluate(ReadOnlySpan<int> counts, Span<double> values)
        {
            ResampleWeights.Fill(counts, cache.Predictions.Weights, weights);
            var rows = new WeightedMulticlassRows(cache, weights);
            if (!(rows.TotalWeight > 0.0))
            {
                // Only rows of sample weight 0 were drawn: no metric has a value on nothing.
                values.Fill(double.NaN);
                return;
            }

            for (var m = 0; m < metrics.Count; m++)
            {
                values[m] = metrics[m].Compute(rows).ValueOrNaN;
            }
        }
    }
}
