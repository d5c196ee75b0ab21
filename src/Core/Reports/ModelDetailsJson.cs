using System.Text.Json;
using ModelGates.Configuration.Json;
using ModelGates.Gates;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Curves;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Predictions;
using ModelGates.Models.Segments;
using ModelGates.Output;

namespace ModelGates.Reports;

/// <summary>A model gate's <c>details</c> object in the JSON result: the writer and, next to it, its inverse.</summary>
internal static class ModelDetailsJson
{
    /// <summary>Writes the details.</summary>
    public static void Write(Utf8JsonWriter w, ModelGateDetails details)
    {
        w.WriteStartObject();
        w.WriteString("task", TaskText.ToText(details.Task));
        w.WriteNumber("rows", details.Rows);
        w.WriteStartArray("metrics");
        foreach (var metric in details.Metrics)
        {
            w.WriteStartObject();
            w.WriteString("metric", metric.Metric);
            w.WriteNumberOrNull("value", metric.Value);
            if (metric.Interval is { } interval)
            {
                w.WriteStartArray("interval");
                w.WriteNumberOrNullValue(interval.Lower);
                w.WriteNumberOrNullValue(interval.Upper);
                w.WriteEndArray();
            }

            w.WriteNumberOrNull("baseline", metric.Baseline);
            w.WriteNumberOrNull("difference", metric.Difference);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("changes");
        foreach (var change in details.Changes)
        {
            w.WriteStartObject();
            w.WriteString("metric", change.Metric);
            w.WriteString("kind", change.Kind.ToKey());
            w.WriteNumberOrNull("measured", change.Measured);
            w.WriteNumberOrNull("bound", change.Bound);
            EvaluationJson.WriteSignificance(w, change.Significance);
            w.WriteString("status", EvaluationJson.StatusText(change.Status));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (details.Curves is { } curves)
        {
            w.WriteStartObject("curves");
            WritePoints(w, "roc", curves.Roc);
            WritePoints(w, "precisionRecall", curves.PrecisionRecall);
            w.WriteStartArray("calibration");
            foreach (var (predicted, observed, weight) in curves.Calibration)
            {
                w.WriteStartArray();
                w.WriteNumberOrNullValue(predicted);
                w.WriteNumberOrNullValue(observed);
                w.WriteNumberOrNullValue(weight);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("gains");
            foreach (var (depth, tpr, fpr) in curves.Gains)
            {
                w.WriteStartArray();
                w.WriteNumberOrNullValue(depth);
                w.WriteNumberOrNullValue(tpr);
                w.WriteNumberOrNullValue(fpr);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (details.Confusion is { } confusion)
        {
            w.WriteStartObject("confusion");
            w.WriteNumberOrNull("threshold", confusion.Threshold);
            w.WriteNumberOrNull("truePositive", confusion.TruePositive);
            w.WriteNumberOrNull("falsePositive", confusion.FalsePositive);
            w.WriteNumberOrNull("trueNegative", confusion.TrueNegative);
            w.WriteNumberOrNull("falseNegative", confusion.FalseNegative);
            w.WriteEndObject();
        }

        w.WriteStartArray("slices");
        foreach (var slice in details.Slices)
        {
            w.WriteStartObject();
            w.WriteString("name", slice.Name);
            w.WriteNumber("rows", slice.Rows);
            w.WriteBoolean("gated", slice.Gated);
            w.WriteStartObject("metrics");
            foreach (var (id, value) in slice.Metrics)
            {
                w.WriteNumberOrNull(id, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("gaps");
        foreach (var gap in details.Gaps)
        {
            w.WriteStartObject();
            w.WriteString("metric", gap.Metric);
            w.WriteNumberOrNull("gap", gap.Gap);
            w.WriteNumberOrNull("bound", gap.Bound);
            w.WriteBoolean("passed", gap.Passed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (details.WeakSegments is { } weak)
        {
            WriteWeakSegments(w, weak);
        }

        if (details.Importance is { } importance)
        {
            WriteImportance(w, importance);
        }

        w.WriteEndObject();
    }

    // Only when the gate declares weakSegments, so results of gates without it keep their bytes.
    private static void WriteWeakSegments(Utf8JsonWriter w, WeakSegmentResult weak)
    {
        w.WriteStartObject("weakSegments");
        w.WriteString("metric", weak.Metric);
        w.WriteNumberOrNull("overall", weak.Overall);
        w.WriteString("loss", weak.Loss);
        w.WriteNumberOrNull("overallLoss", weak.OverallLoss);
        w.WriteNumber("minRows", weak.MinRows);
        w.WriteNumberOrNull("alpha", weak.Alpha);
        w.WriteNumber("tested", weak.Tested);
        w.WriteStartArray("segments");
        foreach (var segment in weak.Segments)
        {
            w.WriteStartObject();
            w.WriteString("segment", segment.Description);
            w.WriteNumber("rows", segment.Rows);
            w.WriteNumberOrNull("value", segment.Value);
            w.WriteNumberOrNull("drop", segment.Drop);
            w.WriteNumberOrNull("meanLoss", segment.MeanLoss);
            w.WriteNumberOrNull("pValue", segment.PValue);
            w.WriteNumberOrNull("adjustedPValue", segment.AdjustedPValue);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static WeakSegmentResult ReadWeakSegments(ResultJsonReader r, ConfigObject o)
    {
        var segments = r.Array(o, "segments").Select(node =>
        {
            var s = r.Object(node, "a weak segment");
            return new WeakSegment(r.String(s, "segment"), r.Int32(s, "rows"), r.OptionalNumber(s, "value"), r.OptionalNumber(s, "drop"), r.Number(s, "meanLoss"), r.Number(s, "pValue"), r.Number(s, "adjustedPValue"));
        }).ToList();
        return new WeakSegmentResult(r.String(o, "metric"), r.OptionalNumber(o, "overall"), r.String(o, "loss"), r.Number(o, "overallLoss"), r.Int32(o, "minRows"), r.Number(o, "alpha"), r.Int32(o, "tested"), segments);
    }

    private static void WriteImportance(Utf8JsonWriter w, ImportanceDetails importance)
    {
        w.WriteStartObject("importance");
        w.WriteString("metric", importance.Metric);
        w.WriteNumberOrNull("metricValue", importance.MetricValue);
        w.WriteNumber("repeats", importance.Repeats);
        w.WriteNumber("seed", importance.Seed);
        w.WriteNumber("resamples", importance.Resamples);
        w.WriteNumber("confidence", importance.Confidence);
        w.WriteNumber("topK", importance.TopK);
        w.WriteStartArray("forbidden");
        foreach (var column in importance.Forbidden)
        {
            w.WriteStringValue(column);
        }

        w.WriteEndArray();
        w.WriteStartArray("features");
        foreach (var f in importance.Features)
        {
            w.WriteStartObject();
            w.WriteString("column", f.Column);
            w.WriteNumber("rank", f.Rank);
            w.WriteNumberOrNull("importance", f.Importance);
            w.WriteNumberOrNull("std", f.StandardDeviation);
            w.WriteStartArray("interval");
            w.WriteNumberOrNullValue(f.Lower);
            w.WriteNumberOrNullValue(f.Upper);
            w.WriteEndArray();
            w.WriteNumberOrNull("baseline", f.Baseline);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (importance.Shift is { } shift)
        {
            w.WriteStartObject("shift");
            w.WriteString("source", shift.Source);
            w.WriteString("method", shift.Method);
            w.WriteNumberOrNull("rankCorrelation", shift.RankCorrelation);
            w.WriteNumber("columns", shift.Columns);
            WriteStrings(w, "entered", shift.Entered);
            WriteStrings(w, "left", shift.Left);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static ImportanceDetails ReadImportance(ResultJsonReader r, ConfigObject o)
    {
        var features = r.Array(o, "features").Select(node =>
        {
            var f = r.Object(node, "a feature");
            var interval = r.Array(f, "interval");
            return new ImportanceFeatureDetails(
                r.String(f, "column"),
                r.OptionalNumber(f, "importance"),
                r.OptionalNumber(f, "std"),
                interval.Count == 2 && interval[0] is not ConfigNull ? r.Number(interval[0], "an interval bound") : null,
                interval.Count == 2 && interval[1] is not ConfigNull ? r.Number(interval[1], "an interval bound") : null,
                r.Int32(f, "rank"))
            {
                Baseline = r.OptionalNumber(f, "baseline"),
            };
        }).ToList();
        var seed = r.Integer(o, "seed");
        return new ImportanceDetails(
            r.String(o, "metric"),
            r.OptionalNumber(o, "metricValue"),
            r.Int32(o, "repeats"),
            (ulong)Math.Max(0, seed),
            r.Int32(o, "resamples"),
            r.Number(o, "confidence"),
            r.Int32(o, "topK"),
            features)
        {
            Forbidden = [.. r.Array(o, "forbidden").Select(n => r.String(n, "a forbidden column"))],
            Shift = r.OptionalObject(o, "shift") is { } s
                ? new ImportanceShiftDetails(
                    r.String(s, "source"),
                    r.String(s, "method"),
                    r.OptionalNumber(s, "rankCorrelation"),
                    r.Int32(s, "columns"),
                    [.. r.Array(s, "entered").Select(n => r.String(n, "a column"))],
                    [.. r.Array(s, "left").Select(n => r.String(n, "a column"))])
                : null,
        };
    }

    /// <summary>Reads details written by <see cref="Write"/>.</summary>
    public static ModelGateDetails Read(ResultJsonReader r, ConfigObject o)
    {
        var metrics = r.Array(o, "metrics").Select(node =>
        {
            var m = r.Object(node, "a metric");
            return new ModelMetricDetails(r.String(m, "metric"), r.OptionalNumber(m, "value"))
            {
                Interval = r.OptionalInterval(m, "interval"),
                Baseline = r.OptionalNumber(m, "baseline"),
                Difference = r.OptionalNumber(m, "difference"),
            };
        }).ToList();
        var changes = r.Array(o, "changes").Select(node =>
        {
            var c = r.Object(node, "a change");
            var kind = r.Choice<ThresholdKind>(c, "kind", ThresholdKindText.ToKey);
            if (!kind.IsChange())
            {
                throw r.Invalid(r.Required(c, "kind"), $"'kind' of a change must be maxDrop or maxRelativeDrop, not '{kind.ToKey()}'.");
            }

            return new ModelChangeDetails(
                r.String(c, "metric"),
                kind,
                r.OptionalNumber(c, "measured"),
                r.Number(c, "bound"),
                ReadSignificance(r, c),
                r.Choice<ThresholdStatus>(c, "status", EvaluationJson.StatusText));
        }).ToList();
        var slices = r.Array(o, "slices").Select(node =>
        {
            var s = r.Object(node, "a slice");
            var values = r.Object(s, "metrics").Properties.Select(p => new KeyValuePair<string, double?>(p.Name, p.Value is ConfigNull ? null : r.Number(p.Value, $"'{p.Name}'"))).ToList();
            return new SliceDetails(r.String(s, "name"), r.Int32(s, "rows"), r.Boolean(s, "gated"), values);
        }).ToList();
        var gaps = r.Array(o, "gaps").Select(node =>
        {
            var g = r.Object(node, "a gap");
            return new SliceGapDetails(r.String(g, "metric"), r.OptionalNumber(g, "gap"), r.Number(g, "bound"), r.Boolean(g, "passed"));
        }).ToList();
        return new ModelGateDetails(r.Choice<ModelTask>(o, "task", TaskText.ToText), r.Int32(o, "rows"), metrics, changes, slices, gaps)
        {
            Curves = r.OptionalObject(o, "curves") is { } curves ? ReadCurves(r, curves) : null,
            Confusion = r.OptionalObject(o, "confusion") is { } c
                ? new ConfusionMatrix(r.Number(c, "threshold"), r.Number(c, "truePositive"), r.Number(c, "falsePositive"), r.Number(c, "trueNegative"), r.Number(c, "falseNegative"))
                : null,
            WeakSegments = r.OptionalObject(o, "weakSegments") is { } weak ? ReadWeakSegments(r, weak) : null,
            Importance = r.OptionalObject(o, "importance") is { } importance ? ReadImportance(r, importance) : null,
        };
    }

    /// <summary>Reads what <see cref="EvaluationJson.WriteSignificance"/> wrote: null, or the test with its one-sided bound.</summary>
    private static ChangeSignificance? ReadSignificance(ResultJsonReader r, ConfigObject change)
    {
        r.Required(change, "significance");
        if (r.OptionalObject(change, "significance") is not { } s)
        {
            return null;
        }

        var significance = new ChangeSignificance(r.Number(s, "pValue"), r.Number(s, "alpha"), r.String(s, "method"))
        {
            DropLowerBound = r.OptionalNumber(s, "oneSidedLowerBound"),
            Confidence = r.Number(s, "confidence"),
        };

        // 'significant' is written from p and α; a file where it disagrees with them was not written by this tool.
        return r.Boolean(s, "significant") == significance.IsSignificant
            ? significance
            : throw r.Invalid(r.Required(s, "significant"), "'significant' must agree with 'pValue' ≤ 'alpha'.");
    }

    private static BinaryModelCurves ReadCurves(ResultJsonReader r, ConfigObject o)
    {
        IReadOnlyList<(double X, double Y)> Points(string name) =>
            r.Array(o, name).Select(p => r.Numbers(p, 2, $"a point of '{name}'")).Select(p => (p[0], p[1])).ToList();

        var calibration = r.Array(o, "calibration").Select(p => r.Numbers(p, 3, "a bin of 'calibration'")).Select(p => (p[0], p[1], p[2])).ToList();
        var gains = r.OptionalArray(o, "gains")?.Select(p => r.Numbers(p, 3, "a point of 'gains'")).Select(p => (p[0], p[1], p[2])).ToList();
        return new BinaryModelCurves(Points("roc"), Points("precisionRecall"), calibration) { Gains = gains ?? [] };
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
