namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>r2</c>: 1 − Σ wᵢ (yᵢ − ŷᵢ)² / Σ wᵢ (yᵢ − ȳ)²; scikit-learn's <c>r2_score</c> with its
/// <c>force_finite=True</c> rules when the labels are constant (denominator 0): 1 when the
/// predictions are perfect, 0 otherwise. Undefined with fewer than two rows (scikit-learn returns
/// NaN with a warning).
/// </summary>
public sealed class R2Metric : RegressionMetric
{
    /// <inheritdoc/>
    public override string Id => "r2";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(WeightedRegressionRows rows)
    {
        if (rows.RowCount < 2)
        {
            return MetricValue.Undefined(UndefinedReasons.FewerThanTwoRows);
        }

        var labels = rows.Predictions.Labels;
        var predicted = rows.Predictions.Predictions;
        double weightedSum = 0, residual = 0;
        var firstLabel = double.NaN;
        var constant = true;
        for (var i = 0; i < labels.Length; i++)
        {
            var w = rows.WeightOf(i);
            if (w == 0.0)
            {
                continue;
            }

            weightedSum += w * labels[i];
            var error = labels[i] - predicted[i];
            residual += w * error * error;

            // Constant labels are detected exactly: a mean that is off in the last bit must not turn
            // a zero denominator into a tiny one.
            if (double.IsNaN(firstLabel))
            {
                firstLabel = labels[i];
            }
            else if (labels[i] != firstLabel)
            {
                constant = false;
            }
        }

        var total = 0.0;
        if (!constant)
        {
            var mean = weightedSum / rows.TotalWeight;
            for (var i = 0; i < labels.Length; i++)
            {
                var deviation = labels[i] - mean;
                total += rows.WeightOf(i) * deviation * deviation;
            }
        }

        if (total == 0.0)
        {
            return MetricValue.Defined(residual == 0.0 ? 1.0 : 0.0);
        }

        return MetricValue.Defined(residual == 0.0 ? 1.0 : 1.0 - (residual / total));
    }
}
