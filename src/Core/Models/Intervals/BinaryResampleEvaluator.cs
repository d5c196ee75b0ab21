using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Intervals;

/// <summary>
/// Binary metrics per resample: one pass over the rows in the score order sorted once re-weighs
/// each distinct score's classes, then every metric reads that table (no sorting per resample).
/// </summary>
internal sealed class BinaryResampleEvaluator(BinaryPredictions predictions, IReadOnlyList<BinaryMetric> metrics) : IResampleEvaluator
{
    private readonly BinaryScoreOrder order = BinaryScoreOrder.Of(predictions);

    public int RowCount => order.RowCount;

    public int ValueCount => metrics.Count;

    public IResampleWorker CreateWorker() => new Worker(order, metrics);

    private sealed class Worker(BinaryScoreOrder order, IReadOnlyList<BinaryMetric> metrics) : IResampleWorker
    {
        private readonly BinaryScoreTable table = new(order);

        public void Evaluate(ReadOnlySpan<int> counts, Span<double> values)
        {
            order.Tabulate(counts, table);
            if (!(table.Total > 0.0))
            {
                // Only rows of sample weight 0 were drawn: no metric has a value on nothing.
                values.Fill(double.NaN);
                return;
            }

            for (var m = 0; m < metrics.Count; m++)
            {
                values[m] = metrics[m].Compute(table).ValueOrNaN;
            }
        }
    }
}
