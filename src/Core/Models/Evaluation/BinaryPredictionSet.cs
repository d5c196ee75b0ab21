using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation;

/// <summary>Binary predictions with every binary metric at the evaluation's decision threshold.</summary>
internal sealed class BinaryPredictionSet : PredictionSet
{
    private readonly IReadOnlyList<BinaryMetric> metrics;

    /// <summary>Wraps checked predictions.</summary>
    public BinaryPredictionSet(BinaryPredictions predictions, MetricSettings settings)
        : this(predictions, settings, MetricRegistry.AllBinary(settings))
    {
    }

    private BinaryPredictionSet(BinaryPredictions predictions, MetricSettings settings, IReadOnlyList<BinaryMetric> metrics)
    {
        Predictions = predictions ?? throw new ArgumentNullException(nameof(predictions));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.metrics = metrics;
    }

    /// <summary>The predictions.</summary>
    public BinaryPredictions Predictions { get; }

    /// <summary>The decision threshold and top-k.</summary>
    public MetricSettings Settings { get; }

    /// <inheritdoc />
    public override ModelTask Task => ModelTask.Binary;

    /// <inheritdoc />
    public override int Count => Predictions.Count;

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricIds => [.. metrics.Select(m => m.Id)];

    /// <inheritdoc />
    public override IReadOnlyList<MetricDirection> Directions => [.. metrics.Select(m => m.Direction)];

    /// <inheritdoc />
    public override IReadOnlyList<MetricValue> Compute() => [.. metrics.Select(m => m.Compute(Predictions))];

    /// <inheritdoc />
    public override PredictionSet Subset(int[] rows)
    {
        return new BinaryPredictionSet(
            new BinaryPredictions(
                Pick(Predictions.Labels, rows),
                Pick(Predictions.Scores, rows),
                Predictions.HasWeights ? Pick(Predictions.Weights, rows) : null,
                Predictions.ScoreKind),
            Settings,
            metrics);
    }

    /// <inheritdoc />
    internal override PredictionSet Including(IEnumerable<string> metricIds)
    {
        var added = metricIds
            .Where(id => IndexOf(id) < 0 && MetricRegistry.Problem(ModelTask.Binary, id) is null)
            .Distinct(StringComparer.Ordinal)
            .Select(id => MetricRegistry.ResolveBinary(id, Settings))
            .ToList();
        return added.Count == 0 ? this : new BinaryPredictionSet(Predictions, Settings, [.. metrics, .. added]);
    }

    internal override (IReadOnlyList<MetricInterval> Intervals, double[] ResampleValues) Bootstrap(BootstrapOptions options)
    {
        var values = ResampleRunner.Run(new BinaryResampleEvaluator(Predictions, metrics), options);
        return (Rename(BootstrapSummaries.Intervals(metrics, Compute(), values, options)), values);
    }

    internal override PairedResamples PairedResample(PredictionSet baseline, BootstrapOptions options) =>
        PairedBootstrap.Resample(Predictions, ((BinaryPredictionSet)baseline).Predictions, metrics, options);
}
