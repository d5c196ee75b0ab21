using System.Globalization;
using System.Text;
using ModelGates.Gates;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Curves;
using ModelGates.Reports.Html.Charts;

namespace ModelGates.Reports.Html.Sections;

/// <summary>
/// Models: metrics with intervals against thresholds and the baseline (old → new), ROC, precision–recall and
/// reliability curves, the confusion matrix at the decision threshold, and the slice table with the gated gaps.
/// </summary>
internal static class ModelSection
{
    public static void Write(StringBuilder html, IReadOnlyList<GateResult> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Models</h2>");
        foreach (var gate in gates)
        {
            html.Append("<h3>").Append(Html.Escape(gate.Name)).Append("</h3>");
            ChecksTable.Write(html, gate, onlyProblems: false);
            if (gate.Details is not ModelGateDetails details)
            {
                continue;
            }

            html.Append("<p class=\"meta\">").Append(Html.Escape(TaskText.ToText(details.Task))).Append(" model, ")
                .Append(Html.Escape(Html.Number(details.Rows))).Append(" rows</p>");
            Metrics(html, details.Metrics);
            if (details.Curves is { } curves)
            {
                Curves(html, curves);
            }

            if (details.Confusion is { } confusion)
            {
                Confusion(html, confusion);
            }

            Slices(html, details);
            if (details.WeakSegments is { } weak)
            {
                WeakSegments(html, weak);
            }

            if (details.Importance is { } importance)
            {
                Importance(html, importance);
            }
        }

        html.Append("</section>");
    }

    private static void Metrics(StringBuilder html, IReadOnlyList<ModelMetricDetails> metrics)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        // The change's uncertainty is shown where its verdict is: a change threshold judged by significance prints
        // the one-sided bound that decided it in its check's message (issue 15 f), never a two-sided interval here.
        Html.Table(html, "Metrics", "metric", "value", "95% interval", "baseline", "change");
        foreach (var metric in metrics)
        {
            var value = Html.Number(metric.Value);
            var baseline = Html.Number(metric.Baseline);
            Html.Row(
                html,
                Html.Escape(metric.Metric),
                Html.Escape(value),
                Html.Escape(metric.Interval is { } i ? $"[{Html.Number(i.Lower)}, {Html.Number(i.Upper)}]" : Html.Missing),
                Html.Escape(baseline == Html.Missing ? Html.Missing : $"{baseline} → {value}"),
                Html.Escape(Html.Number(metric.Difference)));
        }

        Html.EndTable(html);
    }

    private static void Curves(StringBuilder html, BinaryModelCurves curves)
    {
        html.Append("<div class=\"charts\">");
        Curve(html, curves.Roc, "ROC curve", "false positive rate", "true positive rate", diagonal: true);
        Curve(html, curves.PrecisionRecall, "Precision–recall curve", "recall", "precision", diagonal: false);
        Curve(html, curves.Calibration.Select(b => (b.Predicted, b.Observed)).ToList(), "Reliability (calibration) curve", "mean predicted probability", "observed positive rate", diagonal: true);
        if (curves.Gains.Count > 1)
        {
            Curve(html, curves.Gains.Select(g => (g.Depth, g.Tpr)).ToList(), "Gain curve", "share of rows, highest scores first", "share of positives found", diagonal: true);
            KsPlot(html, curves.Gains);
        }

        html.Append("</div>");
    }

    /// <summary>TPR and FPR against the share of rows taken, the largest gap (the ks metric) marked.</summary>
    private static void KsPlot(StringBuilder html, IReadOnlyList<(double Depth, double Tpr, double Fpr)> gains)
    {
        var best = gains.MaxBy(g => g.Tpr - g.Fpr);
        var marker = new ChartMarker(best.Depth, best.Fpr, best.Tpr, $"KS {Html.Number(best.Tpr - best.Fpr)} at {Html.Number(best.Depth)} of rows");
        const string Title = "KS plot";
        html.Append("<figure><figcaption>").Append(Title).Append("</figcaption>")
            .Append(LineChart.Render(
                Title,
                "share of rows, highest scores first",
                "cumulative share",
                [new ChartSeries("positives (TPR)", [.. gains.Select(g => (g.Depth, g.Tpr))]), new ChartSeries("negatives (FPR)", [.. gains.Select(g => (g.Depth, g.Fpr))])],
                diagonal: false,
                marker))
            .Append("</figure>");
    }

    private static void Curve(StringBuilder html, IReadOnlyList<(double X, double Y)> points, string title, string x, string y, bool diagonal)
    {
        if (points.Count == 0)
        {
            return;
        }

        html.Append("<figure><figcaption>").Append(Html.Escape(title)).Append("</figcaption>")
            .Append(LineChart.Render(title, x, y, [new ChartSeries("model", LineChart.Thin(points))], diagonal)).Append("</figure>");
    }

    /// <summary>The permutation importances: a bar chart with interval whiskers, and the shift against the baseline.</summary>
    private static void Importance(StringBuilder html, ImportanceDetails importance)
    {
        var title = $"Permutation importance (drop of {importance.Metric}, {Html.Number(importance.Confidence * 100)}% intervals)";
        var bars = importance.Features
            .Select(f => new ImportanceChart.Bar(f.Column, f.Importance, f.Lower, f.Upper, f.Baseline, importance.Forbidden.Contains(f.Column, StringComparer.Ordinal)))
            .ToList();
        html.Append("<figure><figcaption>").Append(Html.Escape(title)).Append("</figcaption>")
            .Append(ImportanceChart.Render(title, importance.Metric, bars)).Append("</figure>");
        html.Append("<p class=\"meta\">").Append(Html.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{importance.Repeats} shuffles per column, {importance.Resamples} row resamples, seed {importance.Seed}; top {importance.TopK} checked."))).Append("</p>");
        if (importance.Shift is { } shift)
        {
            html.Append("<p class=\"meta\">").Append(Html.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Against the {shift.Source}: {shift.Method} rank correlation {Html.Number(shift.RankCorrelation)} over {shift.Columns} columns; entered the top {importance.TopK}: {(shift.Entered.Count == 0 ? "none" : string.Join(", ", shift.Entered))}; left it: {(shift.Left.Count == 0 ? "none" : string.Join(", ", shift.Left))}."))).Append("</p>");
        }
    }

    private static void Confusion(StringBuilder html, ConfusionMatrix confusion)
    {
        Html.Table(html, $"Confusion matrix at decision threshold {Html.Number(confusion.Threshold)}", "actual \\ predicted", "positive", "negative");
        Html.Row(html, "positive", Html.Escape(Html.Number(confusion.TruePositive)), Html.Escape(Html.Number(confusion.FalseNegative)));
        Html.Row(html, "negative", Html.Escape(Html.Number(confusion.FalsePositive)), Html.Escape(Html.Number(confusion.TrueNegative)));
        Html.EndTable(html);
    }

    private static void Slices(StringBuilder html, ModelGateDetails details)
    {
        if (details.Slices.Count == 0)
        {
            return;
        }

        var metricNames = details.Slices.SelectMany(s => s.Metrics.Select(m => m.Key)).Distinct(StringComparer.Ordinal).ToList();
        Html.Table(html, "Slices", ["slice", "rows", "gated", .. metricNames]);
        foreach (var slice in details.Slices)
        {
            Html.Row(html, [Html.Escape(slice.Name), Html.Escape(Html.Number(slice.Rows)), Html.Escape(Html.Boolean(slice.Gated)), .. metricNames.Select(m => Html.Escape(SliceValue(slice, m)))]);
        }

        Html.EndTable(html);
        if (details.Gaps.Count > 0)
        {
            Html.Table(html, "Gaps between slices", "metric", "gap", "bound", "status");
            foreach (var gap in details.Gaps)
            {
                Html.Row(html, Html.Escape(gap.Metric), Html.Escape(Html.Number(gap.Gap)), Html.Escape(Html.Number(gap.Bound)), Html.Status(gap.Passed ? "passed" : "failed"));
            }

            Html.EndTable(html);
        }
    }

    private static void WeakSegments(StringBuilder html, Models.Segments.WeakSegmentResult weak)
    {
        html.Append("<p class=\"meta\">Weak segments: ").Append(Html.Escape(Html.Number(weak.Segments.Count))).Append(" significant of ")
            .Append(Html.Escape(Html.Number(weak.Tested))).Append(" tested (Holm α ").Append(Html.Escape(Html.Number(weak.Alpha)))
            .Append(", at least ").Append(Html.Escape(Html.Number(weak.MinRows))).Append(" rows; ").Append(Html.Escape(weak.Metric))
            .Append(" overall ").Append(Html.Escape(Html.Number(weak.Overall))).Append(")</p>");
        if (weak.Segments.Count == 0)
        {
            return;
        }

        Html.Table(html, "Weak segments", "segment", "rows", weak.Metric, "drop", "mean " + weak.Loss, "adjusted p");
        foreach (var s in weak.Segments)
        {
            Html.Row(html, Html.Escape(s.Description), Html.Escape(Html.Number(s.Rows)), Html.Escape(Html.Number(s.Value)), Html.Escape(Html.Number(s.Drop)),
                Html.Escape(Html.Number(s.MeanLoss)), Html.Escape(Html.Number(s.AdjustedPValue)));
        }

        Html.EndTable(html);
    }

    // A metric the slice lacks shows as missing, like one it could not compute.
    private static string SliceValue(SliceDetails slice, string metric)
    {
        var match = slice.Metrics.LastOrDefault(m => string.Equals(m.Key, metric, StringComparison.Ordinal));
        return match.Key is null ? Html.Missing : Html.Number(match.Value);
    }
}
