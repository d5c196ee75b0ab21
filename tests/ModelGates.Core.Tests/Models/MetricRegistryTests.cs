using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

namespace ModelGates.Tests.Models;

public sealed class MetricRegistryTests
{
    [Fact]
    public void Unknown_id_fails_with_the_list_of_known_ids()
    {
        var exception = Assert.Throws<ArgumentException>(() => MetricRegistry.Resolve(ModelTask.Binary, "aucc"));

        Assert.Contains("Unknown binary metric 'aucc'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("auc, averagePrecision, logLoss, brier, accuracy, precision, recall, f1, fpr, positiveRate", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_per_task()
    {
        Assert.IsType<BinaryAccuracyMetric>(MetricRegistry.Resolve(ModelTask.Binary, "accuracy"));
        Assert.IsType<MulticlassAccuracyMetric>(MetricRegistry.Resolve(ModelTask.Multiclass, "accuracy"));
        Assert.Throws<ArgumentException>(() => MetricRegistry.Resolve(ModelTask.Regression, "accuracy"));
        Assert.Throws<ArgumentException>(() => MetricRegistry.Resolve(ModelTask.Binary, "rmse"));
        Assert.Throws<ArgumentException>(() => MetricRegistry.Resolve(ModelTask.Binary, "AUC"));
    }

    [Theory]
    [InlineData("recall.0", 0)]
    [InlineData("recall.7", 7)]
    [InlineData("recall.12", 12)]
    public void Per_class_recall_ids_resolve_to_their_class(string id, int classIndex)
    {
        var metric = Assert.IsType<ClassRecallMetric>(MetricRegistry.ResolveMulticlass(id));

        Assert.Equal(classIndex, metric.ClassIndex);
        Assert.Equal(id, metric.Id);
    }

    [Theory]
    [InlineData("recall.")]
    [InlineData("recall.01")]
    [InlineData("recall.+1")]
    [InlineData("recall.-1")]
    [InlineData("recall.x")]
    [InlineData("recall")]
    public void Malformed_per_class_recall_ids_are_unknown(string id)
    {
        var exception = Assert.Throws<ArgumentException>(() => MetricRegistry.ResolveMulticlass(id));
        Assert.Contains(MetricRegistry.ClassRecallPattern, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_class_recall_of_a_class_the_predictions_lack_fails_clearly()
    {
        var predictions = new MulticlassPredictions([0, 1], new[,] { { 0.6, 0.4 }, { 0.3, 0.7 } });

        var exception = Assert.Throws<ArgumentException>(() => new ClassRecallMetric(2).Compute(predictions));
        Assert.Contains("classes 0..1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directions_are_lower_is_better_exactly_for_losses_errors_and_false_positive_rate()
    {
        var all = MetricRegistry.AllBinary().Cast<IMetric>()
            .Concat(MetricRegistry.AllMulticlass(3))
            .Concat(MetricRegistry.AllRegression())
            .ToList();

        var lowerIsBetter = all.Where(m => m.Direction == MetricDirection.LowerIsBetter).Select(m => m.Task + "/" + m.Id).Order();

        Assert.Equal(
            new[] { "Binary/brier", "Binary/ece", "Binary/eceQuantile", "Binary/fpr", "Binary/logLoss", "Multiclass/logLoss", "Regression/mae", "Regression/mape", "Regression/rmse" }.Order(),
            lowerIsBetter);
    }

    [Fact]
    public void Exactly_the_thresholded_binary_metrics_depend_on_the_threshold_and_receive_it()
    {
        var settings = new MetricSettings { DecisionThreshold = 0.3 };
        var thresholded = MetricRegistry.AllBinary(settings).Where(m => m.DependsOnThreshold).ToList();

        Assert.Equal(new[] { "accuracy", "precision", "recall", "f1", "fpr", "positiveRate" }, thresholded.Select(m => m.Id));
        Assert.All(thresholded, m => Assert.Equal(0.3, Assert.IsAssignableFrom<ThresholdedBinaryMetric>(m).Threshold));
        Assert.DoesNotContain(MetricRegistry.AllMulticlass(2).Cast<IMetric>().Concat(MetricRegistry.AllRegression()), m => m.DependsOnThreshold);
    }

    [Fact]
    public void Top_k_receives_k_and_all_multiclass_expands_per_class_recall()
    {
        var metrics = MetricRegistry.AllMulticlass(3, new MetricSettings { TopK = 3 });

        Assert.Equal(
            new[] { "accuracy", "macroF1", "microF1", "logLoss", "topKAccuracy", "macroPrecision", "macroRecall", "macroAuc", "recall.0", "recall.1", "recall.2" },
            metrics.Select(m => m.Id));
        Assert.Equal(3, metrics.OfType<TopKAccuracyMetric>().Single().K);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => MetricRegistry.ResolveBinary("f1", new MetricSettings { DecisionThreshold = double.NaN }));
        Assert.Throws<ArgumentException>(() => MetricRegistry.ResolveMulticlass("topKAccuracy", new MetricSettings { TopK = 0 }));
        Assert.Throws<ArgumentException>(() => new PrecisionMetric(double.PositiveInfinity));
    }

    [Fact]
    public void Ids_are_unique_within_each_task()
    {
        foreach (var task in Enum.GetValues<ModelTask>())
        {
            var ids = MetricRegistry.KnownIds(task);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        }
    }
}
