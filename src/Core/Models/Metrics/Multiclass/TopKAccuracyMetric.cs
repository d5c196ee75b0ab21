using System.Globalization;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>topKAccuracy</c>: the weighted share of rows whose label is among the k classes with the
/// highest probability; scikit-learn's <c>top_k_accuracy_score(k, labels=range(K))</c>. Ties as
/// scikit-learn 1.2 breaks them (a stable ascending sort, reversed): among equal probabilities the
/// higher class index ranks first. With k ≥ K every row is a hit.
/// </summary>
public sealed class TopKAccuracyMetric : MulticlassMetric
{
    /// <summary>Creates the metric for one k.</summary>
    /// <param name="k">How many top classes count as a hit; at least 1. Default 2.</param>
    public TopKAccuracyMetric(int k = 2)
    {
        if (k < 1)
        {
            throw new ArgumentException(
                "Top-k accuracy needs k of at least 1, not " + k.ToString(CultureInfo.InvariantCulture) + ".",
                nameof(k));
        }

        K = k;
    }

    /// <summary>How many top classes count as a hit.</summary>
    public int K { get; }

    /// <inheritdoc/>
    public override string Id => "topKAccuracy";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(WeightedMulticlassRows rows) =>
        MetricValue.Defined(rows.WeightedShare(rows.Cache.TopKHits(K)));

    /// <summary>
    /// Whether each row's label is in its top k: the classes ranked above the label are those with a
    /// higher probability, or an equal one and a higher index; a hit when fewer than k are.
    /// </summary>
    internal static bool[] RowHits(MulticlassPredictions predictions, int k)
    {
        var classCount = predictions.ClassCount;
        var labels = predictions.Labels;
        var hits = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = predictions.ProbabilitiesOf(i);
            var label = labels[i];
            var own = row[label];
            var above = 0;
            for (var c = 0; c < classCount; c++)
            {
                if (row[c] > own || (row[c] == own && c > label))
                {
                    above++;
                }
            }

            hits[i] = above < k;
        }

        return hits;
    }
}
