using System.Text.Json;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Output;

namespace ModelGates.Models.Evaluation;

/// <summary>The fields of <c>modelgates evaluate --format json</c> (docs/evaluate.md#json-output), written inside the result envelope.</summary>
public static class EvaluationJson
{
    /// <summary>Writes the evaluation's fields.</summary>
    public static void Write(Utf8JsonWriter w, EvaluationResult result, EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        w.WriteString("task", TaskText.ToText(result.Task));
        w.WriteString("data", request.Data.Source.Path.Replace('\\', '/'));
        w.WriteStringOrNull("model", request.ModelPath?.Replace('\\', '/'));
        w.WriteNumber("rows", result.Rows);
        w.WriteString("scores", result.ScoreSource);
        w.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
        if (result.ClassNames.Count > 0)
        {
            w.WriteStartArray("classes");
            foreach (var name in result.ClassNames)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("bootstrap");
        w.WriteNumber("resamples", request.Bootstrap.Resamples);
        w.WriteNumberOrNull("confidence", request.Bootstrap.Confidence);
        w.WriteNumber("seed", request.Bootstrap.Seed);
        w.WriteEndObject();
        w.WriteStartObject("metrics");
        foreach (var metric in result.Metrics)
        {
            w.WriteNumberOrNull(metric.MetricId, metric.Estimate.Value);
        }

        w.WriteEndObject();
        w.WriteStartObject("intervals");
        foreach (var metric in result.Metrics)
        {
            w.WritePropertyName(metric.MetricId);
            if (metric.Lower is { } lower && metric.Upper is { } upper)
            {
                w.WriteStartArray();
                // Finite by construction; WriteNumberValue writes the shortest round-trip form and keeps the indentation.
                w.WriteNumberValue(lower);
                w.WriteNumberValue(upper);
                w.WriteEndArray();
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndObject();
        w.WriteStartObject("undefined");
        foreach (var metric in result.Metrics.Where(m => !m.Estimate.IsDefined))
        {
            w.WriteString(metric.MetricId, metric.Estimate.UndefinedReason);
        }

        w.WriteEndObject();
        WriteChanges(w, result);
        w.WriteStartArray("slices");
        foreach (var slice in result.Slices)
        {
            w.WriteStartObject();
            w.WriteString("name", slice.Name);
            w.WriteString("group", slice.Group);
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
        w.WriteStartArray("gates");
        foreach (var outcome in result.Outcomes)
        {
            w.WriteStartObject();
            w.WriteString("metric", outcome.Threshold.Metric);
            w.WriteString("kind", outcome.Threshold.Kind.ToKey());
            w.WriteStringOrNull("slice", outcome.Scope);
            w.WriteNumberOrNull("measured", outcome.Measured);
            w.WriteNumberOrNull("bound", outcome.Threshold.Bound);
            w.WriteNumberOrNull("value", outcome.Value);
            w.WriteNumberOrNull("baseline", outcome.BaselineValue);
            w.WriteNumberOrNull("pValue", outcome.PValue);
            WriteSignificance(w, outcome.Significance);
            w.WriteString("status", StatusText(outcome.Status));
            w.WriteBoolean("passed", !outcome.IsFailure);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteChanges(Utf8JsonWriter w, EvaluationResult result)
    {
        if (result.Changes.Count == 0)
        {
            w.WriteNull("baseline");
            return;
        }

        w.WriteStartObject("baseline");
        foreach (var change in result.Changes)
        {
            w.WriteStartObject(change.MetricId);
            w.WriteNumberOrNull("baseline", change.Baseline);
            w.WriteNumberOrNull("current", change.Current);
            w.WriteNumberOrNull("difference", change.Difference);
            w.WriteNumberOrNull("pValue", change.PValue);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the <c>significance</c> of a change threshold judged by the bootstrap (null when the verdict is the
    /// point estimate's): the method, the p-value, α, and the one-sided lower bound of the measured change at
    /// 1 − α that decides the same verdict.
    /// </summary>
    internal static void WriteSignificance(Utf8JsonWriter w, ChangeSignificance? significance)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (significance is null)
        {
            w.WriteNull("significance");
            return;
        }

        w.WriteStartObject("significance");
        w.WriteString("method", significance.Method);
        w.WriteNumberOrNull("pValue", significance.PValue);
        w.WriteNumberOrNull("alpha", significance.Alpha);
        w.WriteBoolean("significant", significance.IsSignificant);
        w.WriteNumberOrNull("confidence", significance.Confidence);
        w.WriteNumberOrNull("oneSidedLowerBound", significance.DropLowerBound);
        w.WriteEndObject();
    }

    /// <summary>The JSON name of a threshold status.</summary>
    internal static string StatusText(ThresholdStatus status) => status switch
    {
        ThresholdStatus.Passed => "passed",
        ThresholdStatus.Failed => "failed",
        ThresholdStatus.Undefined => "undefined",
        ThresholdStatus.Insufficient => "insufficient",
        _ => "noBaseline",
    };
}
