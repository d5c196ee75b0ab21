using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation;

/// <summary>Multiclass predictions with every multiclass metric; per-class recall is named by class label.</summary>
internal sealed class MulticlassPredictionSet : PredictionSet
{
    private readonly IReadOnlyList<MulticlassMetric> metrics;
    private readonly IReadOnlyList<string> ids;

    /// <summary>Wraps checked predictions whose classes are named <paramref name="classNames"/> (in probability-column order).</summary>
    public MulticlassPredictionSet(MulticlassPredictions predictions, IReadOnlyList<string> classNames, MetricSettings settings)
    {
        Predictions = predictions ?? throw new ArgumentNullException(nameof(predictions));
        ClassNames = classNames ?? throw new ArgumentNullException(nameof(classNames));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        if (classNames.Count != predictions.ClassCount)
        {
            throw new ArgumentException($"{classNames.Count} class names for {predictions.ClassCount} classes.", nameof(classNames));
        }

        metrics = MetricRegistry.AllMulticlass(predictions.ClassCount, settings);
        ids = [.. metrics.Select(m => m is ClassRecallMetric recall ? ClassRecallMetric.IdPrefix + classNames[recall.ClassIndex] : m.Id)];
    }

    /// <summary>The predictions.</summary>
    public MulticlassPredictions Predictions { get; }

    /// <summary>The label of each class, by class index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The metric settings (top-k).</summary>
    public MetricSettings Settings { get; }

    /// <inheritdoc />
    public override ModelTask Task => ModelTask.Multiclass;

    /// <inheritdoc />
    public override int Count => Predictions.Count;

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricIds => ids;

    /// <inheritdoc />
    public override IReadOnlyList<MetricDirection> Directions => [.. metrics.Select(m => m.Direction)];

    /// <inheritdoc />
    public override IReadOnlyList<MetricValue> Compute() => [.. metrics.Select(m => m.Compute(Predictions))];

    /// <inheritdoc />
    public override PredictionSet Subset(int[] rows)
    {
        var k = Predictions.ClassCount;
        var probabilities = new double[rows.Length, k];
        for (var i = 0; i < rows.Length; i++)
        {
            var source = Predictions.ProbabilitiesOf(rows[i]);
            for (var c = 0; c < k; c++)
            {
                probabilities[i, c] = source[c];
            }
        }

        return new MulticlassPredictionSet(
            new MulticlassPredictions(Pick(Predictions.Labels, rows), probabilities, Predictions.HasWeights ? Pick(Predictions.Weights, rows) : null),
            ClassNames,
            Settings);
    }

    internal override (IReadOnlyList<MetricInterval> Intervals, double[] ResampleValues) Bootstrap(BootstrapOptions options)
    {
        var values = ResampleRunner.Run(new MulticlassResampleEvaluator(Predictions, metrics), options);
        return (Rename(BootstrapSummaries.Intervals(metrics, Compute(), values, options)), values);
    }

    internal override PairedResamples PairedResample(PredictionSet baseline, BootstrapOptions options) =>
        PairedBootstrap.Resample(Predictions, ((MulticlassPredictionSet)baseline).Predictions, metrics, options);
}
