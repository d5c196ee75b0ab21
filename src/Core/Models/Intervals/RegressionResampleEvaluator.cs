using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Intervals;

/// <summary>Regression metrics per resample: row weights are the sample weight times the resample count.</summary>
internal sealed class RegressionResampleEvaluator(RegressionPredictions predictions, IReadOnlyList<RegressionMetric> metrics) : IResampleEvaluator
{
    public int RowCount => predictions.Count;

    public int ValueCount => metrics.Count;

    public IResampleWorker CreateWorker() => new Worker(predictions, metrics);

    private sealed class Worker(RegressionPredictions predictions, IReadOnlyList<RegressionMetric> metrics) : IResampleWorker
    {
        private readonly double[] weights = new double[predictions.Count];

        public void Evaluate(ReadOnlySpan<int> counts, Span<double> values)
        {
            ResampleWeights.Fill(counts, predictions.Weights, weights);
            var rows = new WeightedRegressionRows(predictions, weights);
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
