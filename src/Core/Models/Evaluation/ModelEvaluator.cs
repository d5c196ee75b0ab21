using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;

namespace ModelGates.Models.Evaluation;

/// <summary>
/// Measures labelled predictions and judges the thresholds: every metric with a seeded bootstrap interval, every
/// slice's metrics, changes against a baseline (a committed metrics file, or a baseline model on the same rows,
/// compared by paired bootstrap), gaps between slices.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>Evaluates <paramref name="current"/>.</summary>
    /// <param name="current">The model's labelled predictions.</param>
    /// <param name="baselineModel">A baseline model's predictions on the same rows, or null.</param>
    /// <param name="request">Thresholds, bootstrap, slices settings and the baseline file.</param>
    /// <param name="slices">The rows of every slice.</param>
    /// <exception cref="ModelGatesException">A threshold names a metric the task does not have (MG0015, exit code 2).</exception>
    public static EvaluationResult Evaluate(PredictionSet current, PredictionSet? baselineModel, EvaluationRequest request, IReadOnlyList<SliceRows> slices)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(slices);
        var allThresholds = request.Thresholds.Concat(request.Slices.SelectMany(s => s.Thresholds)).ToList();
        foreach (var threshold in allThresholds)
        {
            RequireMetric(current, threshold, request.ConfigFile);
        }

        var (intervals, resamples) = current.Bootstrap(request.Bootstrap);
        var values = intervals.Select(i => i.Estimate).ToList();
        var where = $"on {request.DataName}";
        var changes = Changes(current, baselineModel, request, values, resamples);
        var sliceResults = slices.Select(s => Slice(current, s, request.MinSliceRows)).ToList();

        var outcomes = new List<ThresholdOutcome>();
        foreach (var threshold in request.Thresholds)
        {
            var m = current.IndexOf(threshold.Metric);
            switch (threshold.Kind)
            {
                case ThresholdKind.Min or ThresholdKind.Max:
                    outcomes.Add(ThresholdEvaluator.Absolute(threshold, null, values[m], where));
                    break;
                case ThresholdKind.MaxGap:
                    outcomes.AddRange(request.Slices.Select(d => Gap(threshold, d, sliceResults)));
                    break;
                default:
                    var change = changes.Entries[m];
                    outcomes.Add(ThresholdEvaluator.Change(threshold, current.Directions[m], values[m], change.Baseline,
                        request.RequireSignificantRegression ? changes.Significance(threshold, m) : null, where));
                    break;
            }
        }

        foreach (var definition in request.Slices)
        {
            foreach (var threshold in definition.Thresholds)
            {
                if (threshold.Kind == ThresholdKind.MaxGap)
                {
                    outcomes.Add(Gap(threshold, definition, sliceResults));
                    continue;
                }

                foreach (var slice in sliceResults.Where(s => s.Group == definition.Group))
                {
                    var value = slice.Metrics[current.IndexOf(threshold.Metric)].Value;
                    outcomes.Add(slice.Gated
                        ? ThresholdEvaluator.Absolute(threshold, slice.Name, value, $"on slice '{slice.Name}' ({slice.Rows} rows)")
                        : ThresholdEvaluator.TooSmall(threshold, slice.Name, value, slice.Rows, request.MinSliceRows));
                }
            }
        }

        return new EvaluationResult
        {
            Task = current.Task,
            Rows = current.Count,
            Metrics = intervals,
            Slices = sliceResults,
            Outcomes = outcomes,
            Changes = changes.Entries.Any(e => e.Baseline is not null) ? changes.Entries : [],
            ScoreSource = string.Empty,
            ClassNames = current is MulticlassPredictionSet multiclass ? multiclass.ClassNames : [],
        };
    }

    private static void RequireMetric(PredictionSet current, MetricThreshold threshold, string? configFile)
    {
        if (current.IndexOf(threshold.Metric) >= 0)
        {
            return;
        }

        var suggestion = DidYouMean.Suggest(threshold.Metric, current.MetricIds);
        throw EvaluationErrors.Usage(DiagnosticCatalog.InvalidValue,
            $"'{threshold.Metric}' is not a {TaskText.ToText(current.Task)} metric of this evaluation (metrics: {string.Join(", ", current.MetricIds)}).{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}",
            configFile, threshold.Position);
    }

    private static SliceResult Slice(PredictionSet current, SliceRows slice, int minRows)
    {
        var metrics = slice.Rows.Length == 0
            ? current.MetricIds.Select(_ => MetricValue.Undefined("the slice has no rows")).ToList()
            : current.Subset(slice.Rows).Compute();
        return new SliceResult(
            slice.Name,
            slice.Definition.Group,
            slice.Rows.Length,
            slice.Rows.Length >= minRows,
            [.. current.MetricIds.Select((id, i) => new KeyValuePair<string, MetricValue>(id, metrics[i]))]);
    }

    private static ThresholdOutcome Gap(MetricThreshold threshold, SliceDefinition definition, IReadOnlyList<SliceResult> slices)
    {
        var scoped = threshold with { SliceGroup = definition.Group };
        var gated = slices
            .Where(s => s.Group == definition.Group && s.Gated)
            .Select(s => new KeyValuePair<string, MetricValue>(s.Name, s.Metrics.First(m => m.Key == threshold.Metric).Value))
            .ToList();
        return ThresholdEvaluator.Gap(scoped, definition.Group, gated);
    }

    private static ChangeTable Changes(PredictionSet current, PredictionSet? baselineModel, EvaluationRequest request, IReadOnlyList<MetricValue> values, double[] resamples)
    {
        var alpha = 1.0 - request.Bootstrap.Confidence;
        if (baselineModel is not null)
        {
            var allowed = new Dictionary<string, double>(StringComparer.Ordinal);
            var baselineValues = baselineModel.Compute();
            foreach (var threshold in request.Thresholds.Where(t => t.Kind.IsChange()))
            {
                var m = current.IndexOf(threshold.Metric);
                allowed[threshold.Metric] = Allowance(threshold, baselineValues[m].Value);
            }

            var comparisons = current.Compare(baselineModel, request.Bootstrap, allowed);
            var entries = comparisons.Select(c => new MetricChange(c.MetricId, c.Direction, c.Baseline.Value, c.Challenger.Value, c.Difference, c.PValue)
            {
                DifferenceLower = c.DifferenceLower,
                DifferenceUpper = c.DifferenceUpper,
                Confidence = c.Confidence,
            }).ToList();
            return new ChangeTable(entries, (threshold, m) => comparisons[m].PValue is { } p
                ? new ChangeSignificance(p, alpha, "paired bootstrap against the baseline model")
                : null);
        }

        if (request.Baseline is not { } file)
        {
            return new ChangeTable([.. current.MetricIds.Select((id, m) => new MetricChange(id, current.Directions[m], null, values[m].Value, null, null))], (_, _) => null);
        }

        var metricCount = current.MetricIds.Count;
        var rows = current.MetricIds.Select((id, m) =>
        {
            var baseline = file.Find(id)?.Value;
            var difference = values[m].Value - baseline;
            return new MetricChange(id, current.Directions[m], baseline, values[m].Value, difference, baseline is { } b ? OneSampleP(resamples, metricCount, m, current.Directions[m], b, 0.0) : null);
        }).ToList();
        return new ChangeTable(rows, (threshold, m) =>
            rows[m].Baseline is { } b && OneSampleP(resamples, metricCount, m, current.Directions[m], b, Allowance(threshold, b)) is { } p
                ? new ChangeSignificance(p, alpha, "bootstrap of the current metric against the baseline value")
                : null);
    }

    /// <summary>The absolute degradation a change threshold allows.</summary>
    private static double Allowance(MetricThreshold threshold, double? baseline) =>
        threshold.Kind == ThresholdKind.MaxRelativeDrop ? threshold.Bound * Math.Abs(baseline ?? 0.0) : threshold.Bound;

    /// <summary>
    /// One-sided bootstrap p-value of "the current metric is not worse than the baseline value by more than
    /// <paramref name="allowed"/>", treating the committed baseline as a constant: (1 + resamples not worse) /
    /// (1 + defined resamples). Conservative next to a paired test, which also cancels the noise both share.
    /// </summary>
    private static double? OneSampleP(double[] resamples, int metricCount, int m, MetricDirection direction, double baseline, double allowed)
    {
        var defined = 0;
        var notWorse = 0;
        for (var i = m; i < resamples.Length; i += metricCount)
        {
            var v = resamples[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            defined++;
            if (ThresholdEvaluator.Drop(direction, v, baseline) <= allowed)
            {
                notWorse++;
            }
        }

        return defined == 0 ? null : (1.0 + notWorse) / (1.0 + defined);
    }

    private sealed record ChangeTable(IReadOnlyList<MetricChange> Entries, Func<MetricThreshold, int, ChangeSignificance?> Significance);
}
