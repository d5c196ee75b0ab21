using System.Xml.Linq;
using ModelGates.Models.Evaluation.Curves;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Reports.Html.Charts;
using ModelGates.Statistics;

namespace ModelGates.Tests.Reports;

public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData(0, 1, 0, 1, 0.2)]
    [InlineData(3, 97, 0, 100, 20)]
    [InlineData(-0.013, 0.041, -0.02, 0.06, 0.02)]
    [InlineData(1234, 98765, 0, 100000, 20000)]
    public void Axis_rounds_its_range_to_nice_ticks(double min, double max, double niceMin, double niceMax, double step)
    {
        var axis = new Axis(min, max, 0, 100);

        Assert.Equal(niceMin, axis.Min, 9);
        Assert.Equal(niceMax, axis.Max, 9);
        Assert.Equal(step, axis.Step, 9);
        Assert.Equal(0, axis.Map(axis.Min), 9);
        Assert.Equal(100, axis.Map(axis.Max), 9);
        Assert.True(axis.Ticks().Count() is >= 3 and <= 11);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(0, 0)]
    [InlineData(double.NaN, 1)]
    public void Axis_over_a_single_value_or_no_value_still_has_a_range(double min, double max)
    {
        var axis = new Axis(min, max, 0, 100);

        Assert.True(axis.Max > axis.Min);
        Assert.True(double.IsFinite(axis.Map(double.NaN)));
    }

    [Fact]
    public void Paired_bars_are_valid_svg_with_one_pair_per_bin_and_labels()
    {
        var labels = PairedBarChart.BinLabels([67, 83, 100]);
        var svg = PairedBarChart.Render("Income", labels, [0.1, 0.3, 0.4, 0.2], [0.05, 0.25, 0.4, 0.3]);

        var doc = XDocument.Parse(svg);
        Assert.Equal(["< 67", "67–83", "83–100", "≥ 100"], labels);
        Assert.Equal(4, doc.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "ref") - 1);
        Assert.Equal(4, doc.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "cur") - 1);
        Assert.Equal("Income", doc.Root!.Element(Svg + "title")!.Value);
        Assert.Contains("83–100: reference 40%, current 40%", doc.Root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_are_as_tall_as_their_shares()
    {
        var doc = XDocument.Parse(PairedBarChart.Render("x", ["a", "b"], [0.5, 0.25], [0.25, 0.5]));
        var bars = doc.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        var heights = bars.Select(b => double.Parse((string)b.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(heights[0], heights[3], 1);
        Assert.Equal(heights[1], heights[2], 1);
        Assert.Equal(heights[0], 2 * heights[1], 1);
    }

    [Fact]
    public void Empty_column_and_non_finite_shares_render_without_NaN()
    {
        var empty = PairedBarChart.Render("empty", [], [], []);
        var odd = PairedBarChart.Render("odd", ["a"], [double.NaN], [double.PositiveInfinity]);

        Assert.Contains("no values", XDocument.Parse(empty).Root!.Value, StringComparison.Ordinal);
        XDocument.Parse(odd);
        Assert.DoesNotContain("NaN", empty + odd, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", empty + odd, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_chart_draws_each_series_and_the_diagonal()
    {
        var roc = new ChartSeries("model", [(0, 0), (0.1, 0.6), (0.4, 0.9), (1, 1)]);
        var single = new ChartSeries("one point", [(0.5, 0.5)]);

        var doc = XDocument.Parse(LineChart.Render("ROC", "false positive rate", "true positive rate", [roc, single], diagonal: true));

        Assert.Single(doc.Descendants(Svg + "polyline"));
        Assert.Single(doc.Descendants(Svg + "circle"));
        Assert.Single(doc.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "diagonal");
    }

    [Fact]
    public void Thinning_keeps_the_ends_and_at_most_the_limit()
    {
        var points = Enumerable.Range(0, 10_000).Select(i => (i / 9999.0, Math.Sqrt(i / 9999.0))).ToList();

        var thin = LineChart.Thin(points, 100);

        Assert.Equal(100, thin.Count);
        Assert.Equal(points[0], thin[0]);
        Assert.Equal(points[^1], thin[^1]);
    }

    [Fact]
    public void Same_data_gives_the_same_bytes_with_text_escaped()
    {
        var first = PairedBarChart.Render("a < b & \"c\"", ["<x>"], [0.5], [0.5]);
        var second = PairedBarChart.Render("a < b & \"c\"", ["<x>"], [0.5], [0.5]);

        Assert.Equal(first, second);
        Assert.Contains("a &lt; b &amp; &quot;c&quot;", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Gains_thinned_for_the_ks_plot_keep_the_gap_the_ks_metric_reports()
    {
        // 5,000 distinct scores thinned to 200 points: the point of the largest TPR − FPR survives.
        var random = new SeededRandom(41);
        var n = 5000;
        var labels = new int[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.2 ? 1 : 0;
            scores[i] = 1.0 / (1.0 + Math.Exp(-(random.NextGaussian() + labels[i] - 1.0)));
        }

        var predictions = new BinaryPredictions(labels, scores);
        var gains = BinaryCurves.Gains(predictions);
        var thinned = BinaryCurves.ThinGains(gains, 200);

        Assert.Equal(n + 1, gains.Count);
        Assert.True(thinned.Count <= 200);
        Assert.Equal((0.0, 0.0, 0.0), thinned[0]);
        Assert.Equal((1.0, 1.0, 1.0), thinned[^1]);
        Assert.Equal(new KsSeparationMetric().Compute(predictions).Value!.Value, thinned.Max(g => g.Tpr - g.Fpr), 12);
        Assert.Equal(new GainMetric(0.5).Compute(predictions).Value!.Value, gains.First(g => g.Depth >= 0.5).Tpr, 3);
        Assert.True(thinned.Zip(thinned.Skip(1)).All(p => p.First.Depth <= p.Second.Depth && p.First.Tpr <= p.Second.Tpr));
    }

    [Fact]
    public void A_marker_is_a_labelled_vertical_line_in_valid_svg()
    {
        var svg = LineChart.Render(
            "KS plot",
            "share of rows",
            "cumulative share",
            [new ChartSeries("positives (TPR)", [(0, 0), (0.3, 0.7), (1, 1)]), new ChartSeries("negatives (FPR)", [(0, 0), (0.3, 0.2), (1, 1)])],
            diagonal: false,
            new ChartMarker(0.3, 0.2, 0.7, "KS 0.5 at 0.3 of rows"));

        var doc = XDocument.Parse(svg);
        var marker = Assert.Single(doc.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "marker");
        Assert.Equal((string?)marker.Attribute("x1"), (string?)marker.Attribute("x2"));
        Assert.True(double.Parse((string)marker.Attribute("y1")!, System.Globalization.CultureInfo.InvariantCulture) > double.Parse((string)marker.Attribute("y2")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "KS 0.5 at 0.3 of rows");
        Assert.Contains("KS 0.5 at 0.3 of rows", doc.Root!.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Equal(svg, LineChart.Render(
            "KS plot",
            "share of rows",
            "cumulative share",
            [new ChartSeries("positives (TPR)", [(0, 0), (0.3, 0.7), (1, 1)]), new ChartSeries("negatives (FPR)", [(0, 0), (0.3, 0.2), (1, 1)])],
            diagonal: false,
            new ChartMarker(0.3, 0.2, 0.7, "KS 0.5 at 0.3 of rows")));
    }
}
