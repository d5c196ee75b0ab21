using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ModelGates.Configuration.Json;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Monitoring.Reports;
using ModelGates.Monitoring.Trigger;
using ModelGates.Reports.Html.Charts;

namespace ModelGates.Tests.Monitoring.Reports;

/// <summary>Synthetic monitor results (seeded), and the SVG charts of a rendered report parsed as XML.</summary>
internal static partial class TrendData
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static MonitorDeclaration Monitor(RetrainTrigger? trigger = null) => new()
    {
        Name = "scoring",
        Position = new SourcePosition(1, 1),
        Reference = "reference.csv",
        Data = "production",
        Timestamp = "at",
        Window = MonitorWindowSpec.Parse("7d")!,
        Model = "model",
        History = ModelGates.Monitoring.History.HistoryLocation.AtFile(Path.Combine(Path.GetTempPath(), "no-such-history.duckdb")),
        Trigger = trigger ?? new RetrainTrigger(),
    };

    /// <summary>
    /// <paramref name="count"/> weekly windows from 2026-01-05 over <paramref name="columns"/> columns, with realized and
    /// estimated AUC; windows listed in <paramref name="breaches"/> breach, those in <paramref name="insufficient"/> have too few rows.
    /// </summary>
    public static MonitorResult Result(int count, int columns, ISet<int>? breaches = null, ISet<int>? insufficient = null, RetrainTrigger? trigger = null, int seed = 7)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var windows = new List<WindowRecord>();
        for (var i = 0; i < count; i++)
        {
            var from = start.AddDays(7 * i);
            var breach = breaches?.Contains(i) == true;
            if (insufficient?.Contains(i) == true)
            {
                windows.Add(new WindowRecord { Key = Key(from), Start = from, End = from.AddDays(7), Rows = 10, Status = WindowStatus.Insufficient, Reasons = ["10 rows < minRows 50"], Hash = "sha256:" + i });
                continue;
            }

            var effects = Enumerable.Range(0, columns).Select(c =>
            {
                var effect = Math.Round(random.NextDouble() * (breach ? 0.3 : 0.12), 6);
                return new WindowColumn($"feature_{c:00}", effect > 0.1 && breach ? "drift" : "ok", "wasserstein", effect, effect * 0.7, effect * 1.3, 0.1, 0.01, 0.01);
            }).ToList();
            var auc = Math.Round(breach ? 0.6 + (random.NextDouble() * 0.1) : 0.8 + (random.NextDouble() * 0.08), 6);
            var estimate = Math.Round(0.82 + (random.NextDouble() * 0.04), 6);
            windows.Add(new WindowRecord
            {
                Key = Key(from),
                Start = from,
                End = from.AddDays(7),
                Rows = 500 + random.Next(100),
                LabelledRows = 500,
                Status = breach ? WindowStatus.Breach : WindowStatus.Ok,
                Reasons = breach ? [$"auc {auc.ToString(CultureInfo.InvariantCulture)} < min 0.75"] : [],
                Hash = "sha256:" + i,
                DriftedShare = effects.Count(e => e.Status == "drift") / (double)Math.Max(1, columns),
                Columns = effects,
                Prediction = new WindowColumn("score", "ok", "wasserstein", 0.05, 0.02, 0.08, 0.1, 0, 0),
                Realized = [new WindowMetric("auc", auc, null, null, 0.75)],
                Estimated = [new WindowMetric("auc", estimate, estimate - 0.07, estimate + 0.07, 0.75)],
            });
        }

        var monitor = Monitor(trigger);
        return new MonitorResult
        {
            Monitor = monitor,
            Windows = windows,
            Retrain = RetrainRule.Decide(monitor.Trigger, windows, null, windows[^1].End),
        };
    }

    public static string Key(DateTime start) => start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Every inline SVG of <paramref name="html"/>, parsed (the chart builder writes them as XML).</summary>
    public static List<XElement> Charts(string html) => [.. SvgPattern().Matches(html).Select(m => XElement.Parse(m.Value))];

    /// <summary>The chart whose title is <paramref name="title"/>.</summary>
    public static XElement Chart(string html, string title) => Assert.Single(Charts(html), c => c.Element(Svg + "title")?.Value == title);

    /// <summary>The elements of <paramref name="chart"/> named <paramref name="name"/> whose class list holds <paramref name="cssClass"/>.</summary>
    public static List<XElement> Of(XElement chart, string name, string cssClass) =>
        [.. chart.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class") ?? string.Empty).Split(' ').Contains(cssClass))];

    public static double Number(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    public static string Tooltip(XElement e) => e.Element(Svg + "title")?.Value ?? string.Empty;

    /// <summary>
    /// The colour step of every cell of a heat map with <paramref name="rows"/> rows and <paramref name="columns"/> columns,
    /// decoded from its step paths (relative moves, one rectangle per run): [row, column], null where no run covers it,
    /// and a cell covered twice fails the test.
    /// </summary>
    public static string?[,] HeatSteps(XElement chart, int rows, int columns)
    {
        var steps = new string?[rows, columns];
        var cell = HeatMap.CellWidth(columns);
        foreach (var path in chart.Descendants(Svg + "path"))
        {
            var step = (string)path.Attribute("class")!;
            var pen = (X: 0.0, Y: 0.0);
            foreach (Match run in RunPattern().Matches((string)path.Attribute("d")!))
            {
                pen = (pen.X + double.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture), pen.Y + double.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture));
                var width = double.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture);
                Assert.Equal(HeatMap.RowHeight - 1, double.Parse(run.Groups[4].Value, CultureInfo.InvariantCulture));
                Assert.Equal(-width, double.Parse(run.Groups[5].Value, CultureInfo.InvariantCulture));
                var row = (int)((pen.Y - HeatMap.Top) / HeatMap.RowHeight);
                var first = (int)((pen.X - HeatMap.LabelWidth) / cell);
                Assert.Equal(HeatMap.Top + (row * HeatMap.RowHeight), pen.Y);
                Assert.Equal(HeatMap.LabelWidth + (first * cell), pen.X);
                for (var c = first; c < first + ((width + 1) / cell); c++)
                {
                    Assert.Null(steps[row, c]);
                    steps[row, c] = step;
                }
            }
        }

        return steps;
    }

    [GeneratedRegex(@"m(-?\d+) (-?\d+)h(\d+)v(\d+)h(-\d+)z")]
    private static partial Regex RunPattern();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();
}
