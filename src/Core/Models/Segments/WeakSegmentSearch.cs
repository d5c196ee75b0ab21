using ModelGates.Drift.Engine.Correction;
using ModelGates.Drift.Engine.Options;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Statistics;

namespace ModelGates.Models.Segments;

/// <summary>
/// Finds the segments of the evaluation rows where a model is significantly worse than overall
/// (docs/evaluate.md#weak-segments). Split-sample design: the rows are shuffled with the seed and halved; a small
/// tree on the per-row loss (<see cref="SegmentTree"/>) is grown on the search half, and each of its nodes is then
/// tested on the other half alone (Welch's one-sided t-test of the loss inside against outside), Holm-corrected over
/// every node tested. The test half never influenced which segments were chosen, so the family is exactly the nodes
/// tested and the correction is honest without counting every split the tree looked at. Rows, metric and mean loss
/// of a segment are reported on every row.
/// </summary>
internal static class WeakSegmentSearch
{
    /// <summary>The metric a search compares by default.</summary>
    public static string DefaultMetric(PredictionSet predictions) => predictions switch
    {
        BinaryPredictionSet { Predictions.ScoreKind: not BinaryScoreKind.Probability } => "accuracy",
        RegressionPredictionSet => "rmse",
        _ => "logLoss",
    };

    /// <summary>Searches <paramref name="predictions"/> split by <paramref name="features"/> (one value per row each).</summary>
    public static WeakSegmentResult Run(PredictionSet predictions, IReadOnlyList<SegmentFeature> features, WeakSegmentSettings settings, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(settings);
        var metric = settings.Metric ?? DefaultMetric(predictions);
        var loss = RowLoss.Of(predictions, metric);
        var n = loss.Length;
        var minRows = settings.MinRowsFor(n);
        var set = predictions.Including([metric]);
        var index = set.IndexOf(metric);
        var direction = set.Directions[index];
        var overall = set.Compute()[index].Value;
        var overallLoss = loss.Average();

        var (search, test) = Halves(n, seed);
        var minLeaf = Math.Max(2, (int)Math.Ceiling(minRows * search.Length / (double)n));
        var candidates = SegmentTree.Grow(features, loss, search, settings.MaxDepth, minLeaf);
        var byName = features.ToDictionary(f => f.Name, StringComparer.Ordinal);

        var tested = new List<(string Description, int[] Rows, double PValue)>();
        foreach (var path in candidates)
        {
            var inside = new bool[n];
            var rows = new List<int>();
            for (var r = 0; r < n; r++)
            {
                if (path.All(c => c.Holds(byName[c.Column], r)))
                {
                    inside[r] = true;
                    rows.Add(r);
                }
            }

            // Too small or (nearly) everything: not a segment to report, so not a member of the family either.
            if (rows.Count < minRows || n - rows.Count < 2)
            {
                continue;
            }

            var testInside = test.Where(r => inside[r]).Select(r => loss[r]).ToList();
            var testOutside = test.Where(r => !inside[r]).Select(r => loss[r]).ToList();
            tested.Add((string.Join(" and ", path), [.. rows], WelchTest.Greater(testInside, testOutside).PValue));
        }

        var adjusted = PValueAdjustment.Adjust([.. tested.Select(t => t.PValue)], MultipleTestingCorrection.Holm);
        var segments = new List<WeakSegment>();
        for (var i = 0; i < tested.Count; i++)
        {
            if (!(adjusted[i] <= settings.Alpha))
            {
                continue;
            }

            var (description, rows, p) = tested[i];
            var value = set.Subset(rows).Compute()[index].Value;
            double? drop = value is { } v && overall is { } o ? (direction == MetricDirection.HigherIsBetter ? o - v : v - o) : null;
            segments.Add(new WeakSegment(description, rows.Length, value, drop, rows.Average(r => loss[r]), p, adjusted[i]));
        }

        var ordered = segments
            .OrderBy(s => s.AdjustedPValue)
            .ThenByDescending(s => s.Drop ?? double.NegativeInfinity)
            .ThenBy(s => s.Description, StringComparer.Ordinal)
            .ToList();
        return new WeakSegmentResult(metric, overall, RowLoss.Name(predictions, metric), overallLoss, minRows, settings.Alpha, tested.Count, ordered);
    }

    /// <summary>The rows shuffled by <paramref name="seed"/> and halved: (search, test), each in row order.</summary>
    internal static (int[] Search, int[] Test) Halves(int n, ulong seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var random = new SeededRandom(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)random.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var search = order[..(n / 2)];
        var test = order[(n / 2)..];
        Array.Sort(search);
        Array.Sort(test);
        return (search, test);
    }
}
