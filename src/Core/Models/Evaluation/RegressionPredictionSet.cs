using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation;

/// <summary>Regression predictions with every regression metric.</summary>
internal sealed class RegressionPredictionSet : PredictionSet
{
    private readonly IReadOnlyList<RegressionMetric> metrics = MetricRegistry.AllRegression();

    /// <summary>Wraps checked predictions.</summary>
    public RegressionPredictionSet(RegressionPredictions predictions) =>
        Predictions = predictions ?? throw new ArgumentNullException(nameof(predictions));

    /// <summary>The predictions.</summary>
    public RegressionPredictions Predictions { get; }

    /// <inheritdoc />
    public override ModelTask Task => ModelTask.Regression;

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
        return new RegressionPredictionSet(new RegressionPredictions(
            Pick(Predictions.Labels, rows),
            Pick(Predictions.Predictions, rows),
            Predictions.HasWeights ? Pick(Predictions.Weights, rows) : null));
    }

    internal override (IReadOnlyList<MetricInterval> Intervals, double[] ResampleValues) Bootstrap(BootstrapOptions options)
    {
        var values = ResampleRunner.Run(new RegressionResampleEvaluator(Predictions, metrics), options);
        return (Rename(BootstrapSummaries.Intervals(metrics, Compute(), values, options)), values);
    }

    internal override PairedResamples PairedResample(PredictionSet baseline, BootstrapOptions options) =>
        PairedBootstrap.Resample(Predictions, ((RegressionPredictionSet)baseline).Predictions, metrics, options);
}
