using System.Globalization;

namespace ModelGates.Models.Metrics;

/// <summary>
/// <c>macroAuc</c>: the unweighted mean over the K classes of each class's one-vs-rest ROC AUC, the class's own
/// probability ranking its rows against the rest; scikit-learn's <c>roc_auc_score(y, proba, multi_class="ovr",
/// average="macro")</c> (with two classes, its binary <c>roc_auc_score(y, proba[:, 1])</c>, the same number). Tied
/// probabilities count as half a correctly ordered pair, as the binary <c>auc</c>. Undefined when a class has no
/// rows (scikit-learn raises: the number of classes in y_true is not the number of probability columns) or every
/// row is one class.
/// </summary>
public sealed class MacroAucMetric : MulticlassMetric
{
    /// <inheritdoc/>
    public override string Id => "macroAuc";

    /// <inheritdoc/>
    public override MetricDirection Direction => MetricDirection.HigherIsBetter;

    internal override MetricValue Compute(WeightedMulticlassRows rows)
    {
        var orders = rows.Cache.ClassOrders;
        var labels = rows.Cache.Predictions.Labels;
        double sum = 0;
        for (var c = 0; c < orders.Length; c++)
        {
            var order = orders[c];
            var sorted = order.RowsByScore;
            var starts = order.BlockStarts;

            // From the highest probability down, each block adds the trapezoid between the previous and the new
            // (fpr, tpr) point, unnormalised: its negatives times the positives above plus half its own.
            double area = 0, positiveAbove = 0, negativeTotal = 0;
            for (var b = 0; b + 1 < starts.Length; b++)
            {
                double positive = 0, negative = 0;
                for (var i = starts[b]; i < starts[b + 1]; i++)
                {
                    var row = sorted[i];
                    var w = rows.WeightOf(row);
                    if (labels[row] == c)
                    {
                        positive += w;
                    }
                    else
                    {
                        negative += w;
                    }
                }

                area += negative * (positiveAbove + (0.5 * positive));
                positiveAbove += positive;
                negativeTotal += negative;
            }

            if (positiveAbove <= 0.0 || negativeTotal <= 0.0)
            {
                var name = c.ToString(CultureInfo.InvariantCulture);
                return MetricValue.Undefined(positiveAbove <= 0.0
                    ? "class " + name + " is no row's label, so its one-vs-rest AUC has no positive rows; macroAuc needs every class among the labels"
                    : "every row is class " + name + ", so its one-vs-rest AUC has no negative rows; macroAuc needs every class among the labels");
            }

            sum += area / positiveAbove / negativeTotal;
        }

        return MetricValue.Defined(sum / orders.Length);
    }
}
