using System.Globalization;
using ModelGates.Monitoring.Estimation;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Estimation;

/// <summary>docs/monitoring-estimation.md states the estimators' constants and shows their calls; these keep it true.</summary>
public sealed class EstimationDocumentationTests
{
    private static readonly string Page = File.ReadAllText(RepoPaths.Combine("docs", "monitoring-estimation.md"));

    [Fact]
    public void Stated_constants_are_the_codes()
    {
        Assert.Contains($"± {SamplingBand.Multiple.ToString(CultureInfo.InvariantCulture)} standard errors", Page, StringComparison.Ordinal);
        Assert.Contains($"stratified {CalibrationChoice.Folds}-fold cross-validation", Page, StringComparison.Ordinal);
        Assert.Contains($"over {CalibrationChoice.Bins} equal-count bins", Page, StringComparison.Ordinal);
        Assert.Contains($"{ExpectedRocAuc.Replicates} draws of the window's labels", Page, StringComparison.Ordinal);
        Assert.Contains($"at least {CbpeEstimator.MinimumRowsPerClass} rows of each class for CBPE", Page, StringComparison.Ordinal);
        Assert.Contains($"{DleEstimator.MinimumReferenceRows} rows for DLE", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snippet_runs_as_shown()
    {
        var snippet = Assert.Single(MarkdownBlocks.Of(Page, "csharp"));
        Assert.Contains("CbpeEstimator.Fit(referenceScores, referenceLabels, threshold: 0.5)", snippet, StringComparison.Ordinal);
        Assert.Contains("cbpe.Estimate(windowScores)", snippet, StringComparison.Ordinal);
        Assert.Contains("DleEstimator.Fit(referenceFeatureColumns, referencePredictions, referenceLabels)", snippet, StringComparison.Ordinal);
        Assert.Contains("dle.Estimate(windowFeatureColumns, windowPredictions); // mae, then rmse", snippet, StringComparison.Ordinal);

        // The same calls, with data.
        var random = new Random(40);
        var (referenceScores, referenceLabels) = SimulatedStream.Binary(random, 2_000, 0, SimulatedStream.ReferenceConcept);
        var (windowScores, _) = SimulatedStream.Binary(random, 500, 0.3, SimulatedStream.ReferenceConcept);
        var cbpe = CbpeEstimator.Fit(referenceScores, referenceLabels, threshold: 0.5);
        Assert.Equal(5, cbpe.Estimate(windowScores).Count);

        var referenceFeatureColumns = new[] { Enumerable.Range(0, 300).Select(i => i / 300.0).ToArray() };
        var referencePredictions = referenceFeatureColumns[0].Select(x => 2 * x).ToArray();
        var referenceLabels2 = referenceFeatureColumns[0].Select(x => (2 * x) + (x * SimulatedStream.Gaussian(random))).ToArray();
        var dle = DleEstimator.Fit(referenceFeatureColumns, referencePredictions, referenceLabels2);
        var windowFeatureColumns = new[] { new[] { 0.1, 0.5, 0.9 } };
        var windowPredictions = new[] { 0.2, 1.0, 1.8 };
        var estimates = dle.Estimate(windowFeatureColumns, windowPredictions);
        Assert.Equal(["mae", "rmse"], estimates.Select(e => e.Metric));

        Assert.Contains("MulticlassCbpeEstimator.Fit(referenceProbabilities, referenceClasses, classCount: 3)", snippet, StringComparison.Ordinal);
        Assert.Contains("multiclass.Estimate(windowProbabilities); // accuracy, macroPrecision, macroRecall, macroF1, macroAuc", snippet, StringComparison.Ordinal);
        var c = MulticlassOracle.Case("calibration", "underconfident_three_classes");
        var referenceProbabilities = MulticlassOracle.Doubles(c.GetProperty("reference"));
        var referenceClasses = MulticlassOracle.Ints(c.GetProperty("referenceLabels"));
        var windowProbabilities = MulticlassOracle.Doubles(c.GetProperty("window"));
        var multiclass = MulticlassCbpeEstimator.Fit(referenceProbabilities, referenceClasses, classCount: 3);
        var perWindow = multiclass.Estimate(windowProbabilities);
        Assert.Equal(["accuracy", "macroPrecision", "macroRecall", "macroF1", "macroAuc"], perWindow.Select(e => e.Metric));
    }
}
