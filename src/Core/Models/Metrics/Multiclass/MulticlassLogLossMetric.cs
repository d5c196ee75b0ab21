using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>logLoss</c> (multiclass): the weighted mean of −log p(true class); scikit-learn 1.2's
/// <c>log_loss(labels=range(K))</c>. Each probability is clipped to [ε, 1 − ε] (ε = 2^-52, see
/// <see cref="LogLossClipping"/>) and each row is then divided by its clipped sum.
/// </summary>
public sealed class MulticlassLogLossMetric : MulticlassMetric
{
    /// <inheritdoc/>
    public override string Id => "logLoss";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.LowerIsBetter;

    internal override MetricValue Compute(WeightedMulticlassRows rows) =>
        MetricValue.Defined(rows.WeightedMean(rows.Cache.RowLogLoss));

    /// <summary>Each row's loss: clip, renormalise by the clipped row sum, −log of the true class's share.</summary>
    internal static double[] RowLosses(MulticlassPredictions predictions)
    {
        var k = predictions.ClassCount;
        var labels = predictions.Labels;
        var losses = new double[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = predictions.ProbabilitiesOf(i);
            double sum = 0;
            for (var c = 0; c < k; c++)
            {
                sum += Clip(row[c]);
            }

            losses[i] = -Math.Log(Clip(row[labels[i]]) / sum);
        }

        return losses;
    }

    private static double Clip(double p) => Math.Clamp(p, LogLossClipping.Epsilon, 1.0 - LogLossClipping.Epsilon);
}
