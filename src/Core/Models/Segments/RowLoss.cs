using ModelGates.Models.Evaluation;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Segments;

/// <summary>
/// The loss of each evaluation row, the quantity a weak-segment search splits on: log loss of the true class for a
/// classifier (clipped as scikit-learn clips, <see cref="LogLossClipping"/>), for a binary model with free scores
/// (not probabilities) the 0/1 error at the decision threshold, and for a regression the squared error (the absolute
/// error when the segment metric is <c>mae</c> or <c>mape</c>).
/// </summary>
internal static class RowLoss
{
    /// <summary>The name of the loss, for reports (<c>log loss</c>).</summary>
    public static string Name(PredictionSet predictions, string metric) => predictions switch
    {
        BinaryPredictionSet { Predictions.ScoreKind: not BinaryScoreKind.Probability } => "0/1 error",
        RegressionPredictionSet => Absolute(metric) ? "absolute error" : "squared error",
        _ => "log loss",
    };

    /// <summary>Each row's loss, in row order.</summary>
    public static double[] Of(PredictionSet predictions, string metric)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var eps = LogLossClipping.Epsilon;
        switch (predictions)
        {
            case BinaryPredictionSet binary:
            {
                var p = binary.Predictions;
                var loss = new double[p.Count];
                for (var i = 0; i < loss.Length; i++)
                {
                    loss[i] = p.ScoreKind == BinaryScoreKind.Probability
                        ? -Math.Log(Math.Clamp(p.Labels[i] == 1 ? p.Scores[i] : 1 - p.Scores[i], eps, 1 - eps))
                        : (p.Scores[i] >= binary.Settings.DecisionThreshold ? 1 : 0) == p.Labels[i] ? 0 : 1;
                }

                return loss;
            }

            case MulticlassPredictionSet multiclass:
                return MulticlassLogLossMetric.RowLosses(multiclass.Predictions);

            case RegressionPredictionSet regression:
            {
                var p = regression.Predictions;
                var absolute = Absolute(metric);
                var loss = new double[p.Count];
                for (var i = 0; i < loss.Length; i++)
                {
                    var error = p.Labels[i] - p.Predictions[i];
                    loss[i] = absolute ? Math.Abs(error) : error * error;
                }

                return loss;
            }

            default:
                throw new ArgumentException($"No per-row loss for {predictions.GetType().Name}.", nameof(predictions));
        }
    }

    private static bool Absolute(string metric) => metric is "mae" or "mape";
}
