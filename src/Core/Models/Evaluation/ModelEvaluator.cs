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
    /// <param name="progress">Receives a line at each phase (the bootstrap, the paired bootstrap, the slices), or null.</param>
    /// <exception cref="ModelGatesException">A threshold names a metric the task does not have (MG0015, exit code 2).</exception>
    public static EvaluationResult Evaluate(PredictionSet current, PredictionSet? baselineModel, EvaluationRequest request, IReadOnlyList<SliceRows> slices, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(slices);
        var allThresholds = request.Thresholds.Concat(request.Slices.SelectMany(s => s.Thresholds)).ToList();

        // A threshold on a member of a metric family (lift@0.2) adds it to both models' metrics.
        current = current.Including(allThresholds.Select(t => t.Metric).Concat(request.AdditionalMetrics));
        baselineModel = baselineModel?.Including(current.MetricIds);
        foreach (var threshold in allThresholds)
        {
            RequireMetric(current, threshold, request.ConfigFile);
        }

        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"bootstrap: {request.Bootstrap.Resamples} resamples of {current.MetricIds.Count} metrics on {current.Count:N0} rows"));
        var (intervals, resamples) = current.Bootstrap(request.Bootstrap);
        var values = intervals.Select(i => i.Estimate).ToList();
        var where = $"on {request.DataName}";
        var changes = Changes(current, baselineModel, request, values, resamples, progress);
        if (slices.Count > 0)
        {
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"slices: metrics on {slices.Count} slices"));
        }

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

        if (MetricRegistry.Problem(current.Task, threshold.Metric) is { Length: > 0 } problem)
        {
            throw EvaluationErrors.Usage(DiagnosticCatalog.InvalidValue, problem, configFile, threshold.Position);
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

    private static ChangeTable Changes(PredictionSet current, PredictionSet? baselineModel, EvaluationRequest request, IReadOnlyList<MetricValue> values, double[] resamples, Action<string>? progress)
    {
        var metricCount = current.MetricIds.Count;
        List<MetricChange> entries;
        Func<int, double[]> drops;
        string method;
        if (baselineModel is not null)
        {
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"paired bootstrap against the baseline model: {request.Bootstrap.Resamples} resamples of {metricCount} metrics"));
            var paired = current.PairedResample(baselineModel, request.Bootstrap);
            entries = [.. current.MetricIds.Select((id, m) => Entry(id, current.Directions[m], paired.BaselineEstimates[m].Value, paired.ChallengerEstimates[m].Value, paired.Drops(m)))];
            drops = paired.Drops;
            method = "paired bootstrap against the baseline model";
        }
        else if (request.Baseline is { } file)
        {
            entries = [.. current.MetricIds.Select((id, m) => file.Find(id)?.Value is { } b
                ? Entry(id, current.Directions[m], b, values[m].Value, OneSampleDrops(resamples, metricCount, m, current.Directions[m], b))
                : new MetricChange(id, current.Directions[m], null, values[m].Value, null, null))];
            drops = m => entries[m].Baseline is { } b ? OneSampleDrops(resamples, metricCount, m, current.Directions[m], b) : [];
            method = "bootstrap of the current metric against the baseline value";
        }
        else
        {
            return new ChangeTable([.. current.MetricIds.Select((id, m) => new MetricChange(id, current.Directions[m], null, values[m].Value, null, null))], (_, _) => null);
        }

        var alpha = 1.0 - request.Bootstrap.Confidence;
        return new ChangeTable(entries, (threshold, m) => entries[m].Baseline is { } baseline
            ? Significance(threshold, drops(m), baseline, alpha, request.Bootstrap.Confidence, method)
            : null);
    }

    /// <summary>A metric against the baseline, with the p-value of "not worse" over its resample drops.</summary>
    private static MetricChange Entry(string id, MetricDirection direction, double? baseline, double? current, double[] drops)
    {
        Array.Sort(drops);
        return new MetricChange(id, direction, baseline, current, current - baseline, OneSidedDropTest.PValue(drops, 0.0));
    }

    /// <summary>
    /// One change threshold tested against its own allowance: the resample drops in the threshold's unit (a relative
    /// drop divides by the baseline's magnitude, as the measured one does), the p-value of "within the bound" and
    /// the one-sided bound that decides the same verdict. Within the bound means within <see
    /// cref="ThresholdEvaluator.DifferenceTolerance"/> of it, as for the point estimate.
    /// </summary>
    private static ChangeSignificance? Significance(MetricThreshold threshold, double[] drops, double baseline, double alpha, double confidence, string method)
    {
        var measured = threshold.Kind == ThresholdKind.MaxRelativeDrop
            ? drops.Select(d => ThresholdEvaluator.RelativeDrop(d, baseline)).ToArray()
            : [.. drops];
        Array.Sort(measured);
        return OneSidedDropTest.PValue(measured, threshold.Bound + ThresholdEvaluator.DifferenceTolerance) is { } p
            ? new ChangeSignificance(p, alpha, method) { DropLowerBound = OneSidedDropTest.LowerBound(measured, alpha), Confidence = confidence }
            : null;
    }

    /// <summary>
    /// The drop of every defined resample of the current metric from the committed baseline value, which is treated
    /// as a constant. Conservative next to a paired test, which also cancels the noise both share.
    /// </summary>
    private static double[] OneSampleDrops(double[] resamples, int metricCount, int m, MetricDirection direction, double baseline)
    {
        var drops = new List<double>(resamples.Length / metricCount);
        for (var i = m; i < resamples.Length; i += metricCount)
        {
            if (!double.IsNaN(resamples[i]))
            {
                drops.Add(ThresholdEvaluator.Drop(direction, resamples[i], baseline));
            }
        }

        return [.. drops];
    }

    private sealed record ChangeTable(IReadOnlyList<MetricChange> Entries, Func<MetricThreshold, int, ChangeSignificance?> Significance);
}
