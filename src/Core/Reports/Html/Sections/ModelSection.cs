using System.Text;
using System.Text.Json;
using ModelGates.Reports.Html.Charts;

namespace ModelGates.Reports.Html.Sections;

/// <summary>
/// Models: metrics with intervals against thresholds and the baseline (old → new), ROC, precision–recall and
/// reliability curves, the confusion matrix at the decision threshold, and the slice table with the gated gaps.
/// </summary>
internal static class ModelSection
{
    public static void Write(StringBuilder html, IReadOnlyList<JsonElement> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Models</h2>");
        foreach (var gate in gates)
        {
            var details = Html.Get(gate, "details");
            html.Append("<h3>").Append(Html.Escape(Html.Text(gate, "name"))).Append("</h3>");
            ChecksTable.Write(html, gate, onlyProblems: false);
            if (details.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            html.Append("<p class=\"meta\">").Append(Html.Escape(Html.Text(details, "task"))).Append(" model, ")
                .Append(Html.Escape(Html.Text(details, "rows"))).Append(" rows</p>");
            Metrics(html, details);
            Curves(html, details);
            Confusion(html, details);
            Slices(html, details);
        }

        html.Append("</section>");
    }

    private static void Metrics(StringBuilder html, JsonElement details)
    {
        var metrics = Html.Items(details, "metrics").ToList();
        if (metrics.Count == 0)
        {
            return;
        }

        // The change's uncertainty is shown where its verdict is: a change threshold judged by significance prints
        // the one-sided bound that decided it in its check's message (issue 15 f), never a two-sided interval here.
        Html.Table(html, "Metrics", "metric", "value", "95% interval", "baseline", "change");
        foreach (var metric in metrics)
        {
            var interval = Html.Items(metric, "interval").Select(Html.Value).ToList();
            var baseline = Html.Text(metric, "baseline");
            Html.Row(
                html,
                Html.Escape(Html.Text(metric, "metric")),
                Html.Escape(Html.Text(metric, "value")),
                Html.Escape(interval.Count == 2 ? $"[{interval[0]}, {interval[1]}]" : "–"),
                Html.Escape(baseline == "–" ? "–" : $"{baseline} → {Html.Text(metric, "value")}"),
                Html.Escape(Html.Text(metric, "difference")));
        }

        Html.EndTable(html);
    }

    private static void Curves(StringBuilder html, JsonElement details)
    {
        var curves = Html.Get(details, "curves");
        if (curves.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        html.Append("<div class=\"charts\">");
        Curve(html, curves, "roc", "ROC curve", "false positive rate", "true positive rate", diagonal: true);
        Curve(html, curves, "precisionRecall", "Precision–recall curve", "recall", "precision", diagonal: false);
        Curve(html, curves, "calibration", "Reliability (calibration) curve", "mean predicted probability", "observed positive rate", diagonal: true);
        html.Append("</div>");
    }

    private static void Curve(StringBuilder html, JsonElement curves, string name, string title, string x, string y, bool diagonal)
    {
        var points = Html.Items(curves, name)
            .Select(p => p.EnumerateArray().Take(2).Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray())
            .Where(p => p.Length == 2)
            .Select(p => (p[0], p[1]))
            .ToList();
        if (points.Count == 0)
        {
            return;
        }

        html.Append("<figure><figcaption>").Append(Html.Escape(title)).Append("</figcaption>")
            .Append(LineChart.Render(title, x, y, [new ChartSeries("model", LineChart.Thin(points))], diagonal)).Append("</figure>");
    }

    private static void Confusion(StringBuilder html, JsonElement details)
    {
        var confusion = Html.Get(details, "confusion");
        if (confusion.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        Html.Table(html, $"Confusion matrix at decision threshold {Html.Text(confusion, "threshold")}", "actual \\ predicted", "positive", "negative");
        Html.Row(html, "positive", Html.Escape(Html.Text(confusion, "truePositive")), Html.Escape(Html.Text(confusion, "falseNegative")));
        Html.Row(html, "negative", Html.Escape(Html.Text(confusion, "falsePositive")), Html.Escape(Html.Text(confusion, "trueNegative")));
        Html.EndTable(html);
    }

    private static void Slices(StringBuilder html, JsonElement details)
    {
        var slices = Html.Items(details, "slices").ToList();
        if (slices.Count == 0)
        {
            return;
        }

        var metricNames = slices.SelectMany(s => Html.Get(s, "metrics").ValueKind == JsonValueKind.Object ? Html.Get(s, "metrics").EnumerateObject().Select(p => p.Name) : [])
            .Distinct(StringComparer.Ordinal).ToList();
        Html.Table(html, "Slices", ["slice", "rows", "gated", .. metricNames]);
        foreach (var slice in slices)
        {
            var metrics = Html.Get(slice, "metrics");
            Html.Row(html, [Html.Escape(Html.Text(slice, "name")), Html.Escape(Html.Text(slice, "rows")), Html.Escape(Html.Text(slice, "gated")), .. metricNames.Select(m => Html.Escape(Html.Text(metrics, m)))]);
        }

        Html.EndTable(html);
        var gaps = Html.Items(details, "gaps").ToList();
        if (gaps.Count > 0)
        {
            Html.Table(html, "Gaps between slices", "metric", "gap", "bound", "status");
            foreach (var gap in gaps)
            {
                Html.Row(html, Html.Escape(Html.Text(gap, "metric")), Html.Escape(Html.Text(gap, "gap")), Html.Escape(Html.Text(gap, "bound")), Html.Status(Html.Get(gap, "passed").ValueKind == JsonValueKind.True ? "passed" : "failed"));
            }

            Html.EndTable(html);
        }
    }
}
