using System.Globalization;
using ModelGates.Checks;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Evaluation.Pushdown;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;

namespace ModelGates.Gates;

/// <summary>
/// A model gate whose predictions are a database dataset: the metrics of all rows and of every slice are computed
/// inside the database (<see cref="SqlSliceMetrics"/>: sums per slice come back, never rows) and judged by the same
/// thresholds, ids and messages as a predictions file's. What needs the rows (bootstrap intervals, the paired
/// significance of a change, average precision) is left out with MG4032 (docs/scale.md#model-gate-slices).
/// </summary>
internal static class DatabaseModelGate
{
    /// <summary>Evaluates <paramref name="gate"/> over its predictions dataset.</summary>
    public static GateResult Run(GatesConfig config, ModelGate gate, GateRunContext context)
    {
        var settings = gate.Evaluation!;
        var database = config.FindDataset(gate.PredictionsDataset!)!.Database!;
        context.Options.Progress?.Invoke($"model '{gate.Name}': evaluating {database.Display} in the database");
        var input = context.Datasets.Pipeline.ReadDatabase(database);
        var thresholds = settings.Thresholds.Concat(settings.Slices.SelectMany(s => s.Thresholds)).ToList();
        var pushable = settings.Task == Models.Predictions.ModelTask.Binary ? SqlSliceMetrics.BinaryPushedDown : SqlSliceMetrics.RegressionPushedDown;
        var sql = SqlSliceMetrics.Compute(input.Session, input.FromItem, new SqlSliceRequest
        {
            Task = settings.Task,
            LabelColumn = gate.Label,
            ScoreColumn = settings.Columns.Score ?? settings.Columns.Predicted ?? gate.Label,
            Settings = settings.Options.Metrics,
            Slices = settings.Slices,
            Metrics = [.. pushable.Concat(thresholds.Select(t => t.Metric)).Distinct(StringComparer.Ordinal)],
            Intervals = settings.Options.RequireSignificantRegression,
        });

        context.ReadDatabase($"predictions {gate.Name}", input.Display, input.Hash(Aggregates(sql)));
        if (gate.Baseline is { } baselinePath)
        {
            context.Read($"baseline {gate.Name}", baselinePath);
        }

        var result = Result(settings, sql, Outcomes(gate, settings, sql, database.Display));
        var checks = result.Outcomes.Select(o => ModelGateRunner.Check(config, gate, database.Display, o));
        return new GateResult("model", gate.Name, gate.Position, [.. checks.Select(c => GateSeverity.Apply(c, gate.Severity!.Value))])
        {
            Facts =
            [
                new("task", Models.Evaluation.TaskText.ToText(settings.Task)),
                new("predictions", database.Display),
                new("rows", result.Rows.ToString(CultureInfo.InvariantCulture)),
                new("queries", sql.Queries.ToString(CultureInfo.InvariantCulture)),
            ],
            Notes = [.. sql.Diagnostics.Select(d => d with { File = config.File, Line = gate.Position.Line, SourceColumn = gate.Position.Column })],
            Details = ModelGateDetails.Of(result, settings.Options.Metrics.DecisionThreshold),
        };
    }

    private static List<ThresholdOutcome> Outcomes(ModelGate gate, ModelGateSettings settings, SqlSliceResult sql, string dataName)
    {
        var baseline = gate.Baseline is { } path && File.Exists(path) ? BaselineMetricsJson.Read(path) : null;
        var where = $"on {dataName}";
        var slices = sql.Slices.Select(s => Slice(s, settings.Options.MinSliceRows)).ToList();
        var outcomes = new List<ThresholdOutcome>();

        // A metric that cannot be pushed down has no value here: its MG4032 note says so, and its bounds are not judged.
        foreach (var threshold in settings.Thresholds.Where(t => t.Kind == ThresholdKind.MaxGap || sql.Overall.Metrics.ContainsKey(t.Metric)))
        {
            switch (threshold.Kind)
            {
                case ThresholdKind.Min or ThresholdKind.Max:
                    outcomes.Add(ThresholdEvaluator.Absolute(threshold, null, sql.Overall.Metrics[threshold.Metric], where));
                    break;
                case ThresholdKind.MaxGap:
                    outcomes.AddRange(settings.Slices.Select(d => Gap(threshold, d.Group, slices)));
                    break;
                default:
                    var direction = MetricRegistry.Resolve(settings.Task, threshold.Metric, settings.Options.Metrics).Direction;
                    var before = baseline?.Metrics.FirstOrDefault(m => m.Id == threshold.Metric)?.Value;
                    outcomes.Add(ThresholdEvaluator.Change(threshold, direction, sql.Overall.Metrics[threshold.Metric], before, null, where));
                    break;
            }
        }

        foreach (var definition in settings.Slices)
        {
            foreach (var threshold in definition.Thresholds)
            {
                if (threshold.Kind == ThresholdKind.MaxGap)
                {
                    outcomes.Add(Gap(threshold, definition.Group, slices));
                    continue;
                }

                foreach (var slice in slices.Where(s => s.Group == definition.Group && s.Metrics.Any(m => m.Key == threshold.Metric)))
                {
                    var value = slice.Metrics.First(m => m.Key == threshold.Metric).Value;
                    outcomes.Add(slice.Gated
                        ? ThresholdEvaluator.Absolute(threshold, slice.Name, value, $"on slice '{slice.Name}' ({slice.Rows} rows)")
                        : ThresholdEvaluator.TooSmall(threshold, slice.Name, value, slice.Rows, settings.Options.MinSliceRows));
                }
            }
        }

        return outcomes;
    }

    // The hash names what the gate judged: each slice's rows and metric values.
    private static byte[] Aggregates(SqlSliceResult sql)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in sql.Slices.Prepend(sql.Overall))
        {
            text.Append(row.Name).Append('\t').Append(row.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var (id, value) in row.Metrics)
            {
                text.Append('\t').Append(id).Append('=').Append(value.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "undefined");
            }

            text.Append('\n');
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static SliceResult Slice(SqlSliceMetricsRow row, int minRows) =>
        new(row.Name, row.Definition!.Group, checked((int)row.Count), row.Count >= minRows, [.. row.Metrics]);

    private static ThresholdOutcome Gap(MetricThreshold threshold, string group, IReadOnlyList<SliceResult> slices) =>
        ThresholdEvaluator.Gap(
            threshold with { SliceGroup = group },
            group,
            [.. slices.Where(s => s.Group == group && s.Gated && s.Metrics.Any(m => m.Key == threshold.Metric))
                .Select(s => new KeyValuePair<string, MetricValue>(s.Name, s.Metrics.First(m => m.Key == threshold.Metric).Value))]);

    // The report's view of the evaluation: exact values, no intervals (resampling needs the rows).
    private static EvaluationResult Result(ModelGateSettings settings, SqlSliceResult sql, IReadOnlyList<ThresholdOutcome> outcomes) => new()
    {
        Task = settings.Task,
        Rows = checked((int)sql.Overall.Count),
        Metrics = [.. sql.Overall.Metrics.Select(m => new MetricInterval(
            m.Key, MetricRegistry.Resolve(settings.Task, m.Key, settings.Options.Metrics).Direction, m.Value, null, null, settings.Options.Bootstrap.Confidence, 0, 0))],
        Slices = [.. sql.Slices.Select(s => Slice(s, settings.Options.MinSliceRows))],
        Outcomes = outcomes,
        ScoreSource = settings.Columns.Score ?? settings.Columns.Predicted ?? string.Empty,
    };
}
