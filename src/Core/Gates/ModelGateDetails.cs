using ModelGates.Models.Predictions;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Curves;
using ModelGates.Models.Evaluation.Thresholds;

namespace ModelGates.Gates;

/// <summary>
/// A model gate's measurements for the reports: every metric with its interval and baseline change, the change
/// thresholds judged against a baseline with their significance, the ROC, precision–recall and reliability curves
/// and the confusion matrix of a binary model, the slices and the gated gaps between them.
/// </summary>
/// <param name="Task">The model's task.</param>
/// <param name="Rows">The rows scored.</param>
/// <param name="Metrics">Every metric, in the order evaluated.</param>
/// <param name="Changes">The change thresholds (<c>maxDrop</c>, <c>maxRelativeDrop</c>) that were judged against a baseline value, in declaration order.</param>
/// <param name="Slices">Every slice.</param>
/// <param name="Gaps">The gated gaps between slices.</param>
internal sealed record ModelGateDetails(
    ModelTask Task,
    int Rows,
    IReadOnlyList<ModelMetricDetails> Metrics,
    IReadOnlyList<ModelChangeDetails> Changes,
    IReadOnlyList<SliceDetails> Slices,
    IReadOnlyList<SliceGapDetails> Gaps) : GateDetails
{
    /// <summary>The most points a curve keeps; enough to draw it, few enough to keep the result small.</summary>
    public const int MaxCurvePoints = 200;

    /// <summary>The curves of a binary model, or null.</summary>
    public BinaryModelCurves? Curves { get; init; }

    /// <summary>The permutation importances (docs/explainability.md), or null when the gate measures none.</summary>
    public ImportanceDetails? Importance { get; init; }

    /// <summary>The confusion matrix of a binary model at its decision threshold, or null.</summary>
    public ConfusionMatrix? Confusion { get; init; }

    /// <summary>The weak-segment search of the gate (docs/evaluate.md#weak-segments), or null when it declares none.</summary>
    public Models.Segments.WeakSegmentResult? WeakSegments { get; init; }

    /// <summary>The details of an evaluation; a binary model's confusion matrix is taken at <paramref name="decisionThreshold"/>.</summary>
    public static ModelGateDetails Of(EvaluationResult result, double decisionThreshold)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = result.Metrics.Select(m =>
        {
            var change = result.Changes.FirstOrDefault(c => c.MetricId == m.MetricId);
            return new ModelMetricDetails(m.MetricId, m.Estimate.Value)
            {
                Interval = m.Lower is { } lower && m.Upper is { } upper ? new IntervalBounds(lower, upper) : null,
                Baseline = change?.Baseline,
                Difference = change?.Difference,
            };
        }).ToList();
        var changes = result.Outcomes.Where(o => o.Threshold.Kind.IsChange() && o.Status != ThresholdStatus.NoBaseline)
            .Select(o => new ModelChangeDetails(o.Threshold.Metric, o.Threshold.Kind, o.Measured, o.Threshold.Bound, o.Significance, o.Status))
            .ToList();
        var slices = result.Slices
            .Select(s => new SliceDetails(s.Name, s.Rows, s.Gated, s.Metrics.Select(m => new KeyValuePair<string, double?>(m.Key, m.Value.Value)).ToList()))
            .ToList();
        var gaps = result.Outcomes.Where(o => o.Threshold.Kind == ThresholdKind.MaxGap)
            .Select(o => new SliceGapDetails(o.Threshold.Metric, o.Measured, o.Threshold.Bound, !o.IsFailure))
            .ToList();
        var details = new ModelGateDetails(result.Task, result.Rows, metrics, changes, slices, gaps);
        if (result.Predictions is not BinaryPredictionSet binary)
        {
            return details;
        }

        var curves = new BinaryModelCurves(
            Reports.Html.Charts.LineChart.Thin(BinaryCurves.Roc(binary.Predictions), MaxCurvePoints),
            Reports.Html.Charts.LineChart.Thin(BinaryCurves.PrecisionRecall(binary.Predictions), MaxCurvePoints),
            BinaryCurves.Calibration(binary.Predictions))
        {
            Gains = BinaryCurves.ThinGains(BinaryCurves.Gains(binary.Predictions), MaxCurvePoints),
        };
        return details with { Curves = curves, Confusion = BinaryCurves.Confusion(binary.Predictions, decisionThreshold) };
    }
}

/// <summary>One metric of a model gate.</summary>
/// <param name="Metric">The metric id.</param>
/// <param name="Value">The value, or null when undefined on these rows.</param>
internal sealed record ModelMetricDetails(string Metric, double? Value)
{
    /// <summary>The bootstrap interval, when one was computed.</summary>
    public IntervalBounds? Interval { get; init; }

    /// <summary>The baseline's value, when the gate has a baseline.</summary>
    public double? Baseline { get; init; }

    /// <summary>The value minus the baseline's.</summary>
    public double? Difference { get; init; }
}

/// <summary>A change threshold judged against a baseline value.</summary>
/// <param name="Metric">The metric id.</param>
/// <param name="Kind"><see cref="ThresholdKind.MaxDrop"/> or <see cref="ThresholdKind.MaxRelativeDrop"/>.</param>
/// <param name="Measured">The drop or relative drop, or null when undefined (or not finite, once read back).</param>
/// <param name="Bound">The largest drop allowed.</param>
/// <param name="Significance">The one-sided test the verdict used (with <c>requireSignificantRegression</c>), or null when the verdict is the point estimate's.</param>
/// <param name="Status">The verdict.</param>
internal sealed record ModelChangeDetails(string Metric, ThresholdKind Kind, double? Measured, double Bound, ChangeSignificance? Significance, ThresholdStatus Status)
{
    /// <summary>
    /// True when the measured change is beyond the allowance, by the rule the threshold was judged with
    /// (<see cref="ThresholdEvaluator.DifferenceTolerance"/>); a pass beyond the allowance is a regression that was
    /// not significant.
    /// </summary>
    public bool ExceedsBound => Measured is { } m && m > Bound + ThresholdEvaluator.DifferenceTolerance;
}

/// <summary>The curves of a binary model, each thinned to at most <see cref="ModelGateDetails.MaxCurvePoints"/> points.</summary>
/// <param name="Roc">(false positive rate, true positive rate).</param>
/// <param name="PrecisionRecall">(recall, precision).</param>
/// <param name="Calibration">Per non-empty bin: mean predicted probability, observed positive rate, weight.</param>
internal sealed record BinaryModelCurves(
    IReadOnlyList<(double X, double Y)> Roc,
    IReadOnlyList<(double X, double Y)> PrecisionRecall,
    IReadOnlyList<(double Predicted, double Observed, double Weight)> Calibration)
{
    /// <summary>
    /// The cumulative gains table (share of rows at or above a score, TPR, FPR), drawn as the gain curve and the
    /// KS plot; thinned keeping the point of the largest TPR − FPR. Empty in results written before it existed.
    /// </summary>
    public IReadOnlyList<(double Depth, double Tpr, double Fpr)> Gains { get; init; } = [];
}

/// <summary>One slice of a model gate.</summary>
/// <param name="Name">The slice's name.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Gated">True when the slice had enough rows to be gated.</param>
/// <param name="Metrics">Metric id and value (null when undefined), in order.</param>
internal sealed record SliceDetails(string Name, int Rows, bool Gated, IReadOnlyList<KeyValuePair<string, double?>> Metrics);

/// <summary>A gated gap of a metric between slices.</summary>
/// <param name="Metric">The metric id.</param>
/// <param name="Gap">The gap between the best and the worst slice, or null when undefined.</param>
/// <param name="Bound">The largest gap allowed.</param>
/// <param name="Passed">True when the gap is within the bound.</param>
internal sealed record SliceGapDetails(string Metric, double? Gap, double Bound, bool Passed);
