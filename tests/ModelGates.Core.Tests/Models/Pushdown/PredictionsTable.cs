using System.Globalization;
using System.Text;
using ModelGates.Models.Evaluation.Pushdown;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Statistics;

namespace ModelGates.Tests.Models.Pushdown;

/// <summary>
/// A predictions table (binary label and score with ties, a regression label and prediction, a segment with a missing
/// value and a one-class segment) as SQL, and the metrics a file's evaluation gives the same rows, slice by slice.
/// </summary>
internal sealed class PredictionsTable
{
    private PredictionsTable(int[] labels, double[] scores, double[] targets, double[] predicted, string?[] segments)
    {
        Labels = labels;
        Scores = scores;
        Targets = targets;
        Predicted = predicted;
        Segments = segments;
    }

    public int[] Labels { get; }

    public double[] Scores { get; }

    public double[] Targets { get; }

    public double[] Predicted { get; }

    public string?[] Segments { get; }

    public static PredictionsTable Generate(int rows)
    {
        var random = new SeededRandom(16);
        var labels = new int[rows];
        var scores = new double[rows];
        var targets = new double[rows];
        var predicted = new double[rows];
        var segments = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var segment = random.NextInt64(20) switch { 0 => null, 1 => "d", < 8 => "a", < 14 => "b", _ => "c" };
            segments[i] = segment;
            labels[i] = segment == "d" ? 0 : random.NextDouble() < 0.3 ? 1 : 0;

            // Two decimals make many tied scores; the exact ends 0 and 1 exercise the log-loss clipping.
            var raw = Math.Clamp((labels[i] * 0.35) + (random.NextGaussian() * 0.2) + 0.3, 0, 1);
            scores[i] = Math.Round(raw, 2);
            targets[i] = Math.Round(100 + (random.NextGaussian() * 30), 1);
            predicted[i] = targets[i] + Math.Round(random.NextGaussian() * 10, 3);
        }

        return new PredictionsTable(labels, scores, targets, predicted, segments);
    }

    /// <summary>SQL creating and filling table <c>predictions</c> (the same text on PostgreSQL and DuckDB).</summary>
    public string CreateSql(string table)
    {
        var sql = new StringBuilder($"CREATE TABLE {table} (label integer, score double precision, target double precision, predicted double precision, segment varchar);\nINSERT INTO {table} VALUES\n");
        for (var i = 0; i < Labels.Length; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"({Labels[i]}, {Scores[i]:R}, {Targets[i]:R}, {Predicted[i]:R}, {(Segments[i] is { } s ? $"'{s}'" : "NULL")}){(i == Labels.Length - 1 ? ";" : ",")}\n");
        }

        return sql.ToString();
    }

    public static IReadOnlyList<SliceDefinition> Slices =>
    [
        SliceDefinition.ByColumn("segment"),
        new SliceDefinition { Group = "confidence", Predicates = [new SlicePredicate("confident", "\"score\" >= 0.7 OR \"score\" <= 0.1"), new SlicePredicate("nothing", "\"score\" > 2")] },
    ];

    /// <summary>The file path's slices: names and rows as <see cref="SliceResolver"/> gives them for these columns.</summary>
    public IReadOnlyList<(string Name, int[] Rows)> ExpectedSlices()
    {
        var all = Enumerable.Range(0, Labels.Length).ToArray();
        var bySegment = all.GroupBy(i => Segments[i] ?? SliceResolver.MissingValue)
            .OrderBy(g => g.Key == SliceResolver.MissingValue ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ($"segment={g.Key}", g.ToArray()));
        return [("all", all), .. bySegment, ("confident", all.Where(i => Scores[i] >= 0.7 || Scores[i] <= 0.1).ToArray()), ("nothing", [])];
    }

    /// <summary>Every metric of the task on some rows, by the metric classes a file's evaluation runs.</summary>
    public IReadOnlyDictionary<string, MetricValue> FileMetrics(ModelTask task, int[] rows, IReadOnlyList<string> ids, MetricSettings settings)
    {
        if (task == ModelTask.Binary)
        {
            var predictions = new BinaryPredictions([.. rows.Select(i => Labels[i])], [.. rows.Select(i => Scores[i])]);
            return ids.ToDictionary(id => id, id => MetricRegistry.ResolveBinary(id, settings).Compute(predictions));
        }

        var regression = new RegressionPredictions([.. rows.Select(i => Targets[i])], [.. rows.Select(i => Predicted[i])]);
        return ids.ToDictionary(id => id, id => ((RegressionMetric)MetricRegistry.Resolve(ModelTask.Regression, id)).Compute(regression));
    }

    /// <summary>Asserts a database's slice metrics equal a file's: counts exactly, values within 1e-12 relative, undefined alike.</summary>
    public void AssertEqualsFile(SqlSliceResult result, ModelTask task, MetricSettings settings)
    {
        var ids = task == ModelTask.Binary ? SqlSliceMetrics.BinaryPushedDown : SqlSliceMetrics.RegressionPushedDown;
        var expected = ExpectedSlices();
        var actual = new[] { result.Overall }.Concat(result.Slices).ToList();
        Assert.Equal(expected.Select(e => (e.Name, (long)e.Rows.Length)), actual.Select(a => (a.Name, a.Count)));
        foreach (var ((name, rows), slice) in expected.Zip(actual).Where(p => p.First.Rows.Length > 0))
        {
            var file = FileMetrics(task, rows, ids, settings);
            foreach (var id in ids)
            {
                var (want, got) = (file[id], slice.Metrics[id]);
                Assert.True(want.IsDefined == got.IsDefined && want.UndefinedReason == got.UndefinedReason, $"{name} {id}: file {want}, table {got}");
                if (want.Value is { } w)
                {
                    var g = got.Value!.Value;
                    Assert.True(Math.Abs(w - g) <= 1e-12 * Math.Max(Math.Abs(w), Math.Abs(g)), $"{name} {id}: file {w:R}, table {g:R}");
                }
            }
        }
    }
}
