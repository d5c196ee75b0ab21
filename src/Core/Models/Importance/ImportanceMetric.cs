using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Importance;

/// <summary>
/// The metric whose drop is a column's importance, measured on the model's outputs for some version of the
/// holdout rows (shuffled or not) against the holdout's labels, on all rows or on a resample of them.
/// </summary>
internal abstract class ImportanceMetric
{
    /// <summary>The public id of the metric.</summary>
    public abstract string Id { get; }

    /// <summary>Which way the metric improves; a drop is always a change for the worse.</summary>
    public abstract MetricDirection Direction { get; }

    /// <summary>The metric a task measures importance with when the gate names none: AUC, macro-F1, R².</summary>
    public static string DefaultFor(ModelTask task) => task switch
    {
        ModelTask.Binary => "auc",
        ModelTask.Multiclass => "macroF1",
        _ => "r2",
    };

    /// <summary>The metric <paramref name="id"/> over the labels (and weights) of <paramref name="labelled"/>.</summary>
    /// <exception cref="ArgumentException">The metric is not one of the task's.</exception>
    public static ImportanceMetric For(PredictionSet labelled, string id)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        return labelled switch
        {
            BinaryPredictionSet b => new Binary(b, MetricRegistry.ResolveBinary(id, b.Settings)),
            MulticlassPredictionSet m => new Multiclass(m, MetricRegistry.ResolveMulticlass(id, m.Settings)),
            RegressionPredictionSet r => new Regression(r, MetricRegistry.ResolveRegression(id)),
            _ => throw new ArgumentException($"No importance metric for {labelled.GetType().Name}.", nameof(labelled)),
        };
    }

    /// <summary>The model's outputs as one flat array (row-major probabilities for multiclass).</summary>
    public abstract double[] Outputs(ModelScores scores);

    /// <summary>
    /// The metric of <paramref name="outputs"/> on all rows, and a worker measuring it on resamples given as
    /// per-row draw counts. A resample weighs each row by its count, which is the metric on the drawn rows
    /// (a binary metric re-tabulates the one score order instead of sorting each resample again).
    /// </summary>
    public abstract (double Value, IResampleWorker Resamples) Measure(double[] outputs);

    /// <summary>How much worse <paramref name="shuffled"/> is than <paramref name="intact"/> (positive: worse).</summary>
    public double Drop(double intact, double shuffled) =>
        Direction == MetricDirection.HigherIsBetter ? intact - shuffled : shuffled - intact;

    private static double Of(MetricValue value) => value.Value ?? double.NaN;

    private sealed class Binary(BinaryPredictionSet set, BinaryMetric metric) : ImportanceMetric
    {
        private readonly int[] labels = set.Predictions.Labels.ToArray();
        private readonly double[]? weights = set.Predictions.HasWeights ? set.Predictions.Weights.ToArray() : null;

        public override string Id => metric.Id;

        public override MetricDirection Direction => metric.Direction;

        public override double[] Outputs(ModelScores scores) => scores.BinaryScores!;

        public override (double Value, IResampleWorker Resamples) Measure(double[] outputs)
        {
            var predictions = new BinaryPredictions(labels, outputs, weights, set.Predictions.ScoreKind);
            return (Of(metric.Compute(predictions)), new BinaryResampleEvaluator(predictions, [metric]).CreateWorker());
        }
    }

    private sealed class Multiclass(MulticlassPredictionSet set, MulticlassMetric metric) : ImportanceMetric
    {
        private readonly int[] labels = set.Predictions.Labels.ToArray();
        private readonly double[]? weights = set.Predictions.HasWeights ? set.Predictions.Weights.ToArray() : null;
        private readonly int classes = set.Predictions.ClassCount;

        public override string Id => metric.Id;

        public override MetricDirection Direction => metric.Direction;

        public override double[] Outputs(ModelScores scores)
        {
            var p = scores.Probabilities!;
            var flat = new double[p.Length];
            Buffer.BlockCopy(p, 0, flat, 0, p.Length * sizeof(double));
            return flat;
        }

        public override (double Value, IResampleWorker Resamples) Measure(double[] outputs)
        {
            var probabilities = new double[labels.Length, classes];
            Buffer.BlockCopy(outputs, 0, probabilities, 0, outputs.Length * sizeof(double));
            var predictions = new MulticlassPredictions(labels, probabilities, weights);
            return (Of(metric.Compute(predictions)), new MulticlassResampleEvaluator(predictions, [metric]).CreateWorker());
        }
    }

    private sealed class Regression(RegressionPredictionSet set, RegressionMetric metric) : ImportanceMetric
    {
        private readonly double[] labels = set.Predictions.Labels.ToArray();
        private readonly double[]? weights = set.Predictions.HasWeights ? set.Predictions.Weights.ToArray() : null;

        public override string Id => metric.Id;

        public override MetricDirection Direction => metric.Direction;

        public override double[] Outputs(ModelScores scores) => scores.Values!;

        public override (double Value, IResampleWorker Resamples) Measure(double[] outputs)
        {
            var predictions = new RegressionPredictions(labels, outputs, weights);
            return (Of(metric.Compute(predictions)), new RegressionResampleEvaluator(predictions, [metric]).CreateWorker());
        }
    }
}
