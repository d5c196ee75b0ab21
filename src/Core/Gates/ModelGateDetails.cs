using System.Text.Json;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Curves;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Output;

namespace ModelGates.Gates;

/// <summary>
/// A model gate's measurements for the JSON result and the HTML report: every metric with its interval and
/// baseline change, the ROC, precision–recall and reliability curves and the confusion matrix of a binary
/// model, the slices and the gated gaps between them.
/// </summary>
public sealed class ModelGateDetails(EvaluationResult result, double decisionThreshold) : IGateDetails
{
    private const int MaxCurvePoints = 200;

    /// <summary>What the gate measured and judged.</summary>
    public EvaluationResult Result => result;

    /// <summary>The change thresholds (<c>maxDrop</c>, <c>maxRelativeDrop</c>) that were judged against a baseline value, in declaration order.</summary>
    public IReadOnlyList<ThresholdOutcome> Changes =>
        [.. result.Outcomes.Where(o => o.Threshold.Kind.IsChange() && o.Status != ThresholdStatus.NoBaseline)];

    /// <inheritdoc />
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("task", TaskText.ToText(result.Task));
        w.WriteNumber("rows", result.Rows);
        w.WriteStartArray("metrics");
        foreach (var metric in result.Metrics)
        {
            var change = result.Changes.FirstOrDefault(c => c.MetricId == metric.MetricId);
            w.WriteStartObject();
            w.WriteString("metric", metric.MetricId);
            w.WriteNumberOrNull("value", metric.Estimate.Value);
            if (metric.Lower is { } lower && metric.Upper is { } upper)
            {
                w.WriteStartArray("interval");
                w.WriteNumberOrNullValue(lower);
                w.WriteNumberOrNullValue(upper);
                w.WriteEndArray();
            }

            w.WriteNumberOrNull("baseline", change?.Baseline);
            w.WriteNumberOrNull("difference", change?.Difference);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("changes");
        foreach (var change in Changes)
        {
            w.WriteStartObject();
            w.WriteString("metric", change.Threshold.Metric);
            w.WriteString("kind", change.Threshold.Kind.ToKey());
            w.WriteNumberOrNull("measured", change.Measured);
            w.WriteNumberOrNull("bound", change.Threshold.Bound);
            EvaluationJson.WriteSignificance(w, change.Significance);
            w.WriteString("status", EvaluationJson.StatusText(change.Status));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (result.Predictions is BinaryPredictionSet binary)
        {
            WriteBinary(w, binary);
        }

        w.WriteStartArray("slices");
        foreach (var slice in result.Slices)
        {
            w.WriteStartObject();
            w.WriteString("name", slice.Name);
            w.WriteNumber("rows", slice.Rows);
            w.WriteBoolean("gated", slice.Gated);
            w.WriteStartObject("metrics");
            foreach (var (id, value) in slice.Metrics)
            {
                w.WriteNumberOrNull(id, value.Value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("gaps");
        foreach (var gap in result.Outcomes.Where(o => o.Threshold.Kind == ThresholdKind.MaxGap))
        {
            w.WriteStartObject();
            w.WriteString("metric", gap.Threshold.Metric);
            w.WriteNumberOrNull("gap", gap.Measured);
            w.WriteNumberOrNull("bound", gap.Threshold.Bound);
            w.WriteBoolean("passed", !gap.IsFailure);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteBinary(Utf8JsonWriter w, BinaryPredictionSet binary)
    {
        w.WriteStartObject("curves");
        WritePoints(w, "roc", Reports.Html.Charts.LineChart.Thin(BinaryCurves.Roc(binary.Predictions), MaxCurvePoints));
        WritePoints(w, "precisionRecall", Reports.Html.Charts.LineChart.Thin(BinaryCurves.PrecisionRecall(binary.Predictions), MaxCurvePoints));
        w.WriteStartArray("calibration");
        foreach (var (predicted, observed, weight) in BinaryCurves.Calibration(binary.Predictions))
        {
            w.WriteStartArray();
            w.WriteNumberOrNullValue(predicted);
            w.WriteNumberOrNullValue(observed);
            w.WriteNumberOrNullValue(weight);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        var confusion = BinaryCurves.Confusion(binary.Predictions, decisionThreshold);
        w.WriteStartObject("confusion");
        w.WriteNumberOrNull("threshold", confusion.Threshold);
        w.WriteNumberOrNull("truePositive", confusion.TruePositive);
        w.WriteNumberOrNull("falsePositive", confusion.FalsePositive);
        w.WriteNumberOrNull("trueNegative", confusion.TrueNegative);
        w.WriteNumberOrNull("falseNegative", confusion.FalseNegative);
        w.WriteEndObject();
    }

    private static void WritePoints(Utf8JsonWriter w, string name, IReadOnlyList<(double X, double Y)> points)
    {
        w.WriteStartArray(name);
        foreach (var (x, y) in points)
        {
            w.WriteStartArray();
            w.WriteNumberOrNullValue(x);
            w.WriteNumberOrNullValue(y);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
