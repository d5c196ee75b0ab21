using System.Globalization;
using ModelGates.Data;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Intervals;

namespace ModelGates.Models.Importance;

/// <summary>
/// Permutation feature importance at the level of data columns (docs/explainability.md): each column the model
/// reads is shuffled (seeded Fisher–Yates) in the built input rows, the model re-scores them, and the drop of the
/// metric is the column's importance, averaged over the repeats, as scikit-learn's <c>permutation_importance</c>
/// defines it. The interval is the percentile interval of the drop over row resamples, resample b measured on
/// shuffle b mod repeats, so it covers both the shuffles' and the holdout's variation. The same resamples serve
/// every column (the intact metric is measured once per resample).
/// </summary>
internal static class PermutationImportance
{
    /// <summary>The importances of the model at <paramref name="modelPath"/> on the request's rows.</summary>
    /// <param name="engine">The engine holding the data.</param>
    /// <param name="request">The evaluation: its data, label and task.</param>
    /// <param name="modelPath">The model to explain.</param>
    /// <param name="labelled">The model's labelled predictions on the same rows (the evaluation's).</param>
    /// <param name="options">Repeats, seed, metric, resamples, confidence.</param>
    /// <param name="progress">A line per column, or null.</param>
    public static ImportanceResult Compute(DataEngine engine, EvaluationRequest request, string modelPath, PredictionSet labelled, ImportanceOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(options);
        var model = MlNetModel.Load(modelPath);
        var (view, missing) = ModelInputBuilder.Build(engine, request.Data, request.TextData ?? request.Data, model.InputSchema, model.Name);
        return Compute(view, missing, model, request.Task, request.Label, labelled, options, progress);
    }

    /// <summary>The importances over input rows already built.</summary>
    internal static ImportanceResult Compute(
        ColumnarDataView view,
        IReadOnlyList<Microsoft.ML.DataViewSchema.Column> missing,
        MlNetModel model,
        Predictions.ModelTask task,
        string label,
        PredictionSet labelled,
        ImportanceOptions options,
        Action<string>? progress)
    {
        var metric = ImportanceMetric.For(labelled, options.Metric ?? ImportanceMetric.DefaultFor(task));
        var rows = checked((int)(view.GetRowCount() ?? 0));
        var intact = metric.Outputs(MlNetModelScorer.Score(model.Transformer, view, missing, task, model.Name));
        var intactValue = metric.Value(intact, null);
        var resamples = ColumnShuffle.Resamples(options.Seed, options.Resamples, rows);
        var intactOnResample = resamples.Select(r => metric.Value(intact, r)).ToArray();
        var columns = SourceColumns(view, label);
        var measured = new List<(string Column, double Mean, double Std, double? Lower, double? Upper)>();
        foreach (var (column, uses) in columns)
        {
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"importance: shuffling '{column}' {options.Repeats} times"));
            var drops = new double[options.Repeats];
            var resampleDrops = new List<double>(options.Resamples);
            for (var repeat = 0; repeat < options.Repeats; repeat++)
            {
                var order = ColumnShuffle.Order(options.Seed, column, repeat, rows);
                var replaced = new Dictionary<int, InputColumnValues>();
                foreach (var (index, slot) in uses)
                {
                    replaced[index] = (replaced.GetValueOrDefault(index) ?? view.Columns[index]).Permuted(slot, order);
                }

                var shuffled = metric.Outputs(MlNetModelScorer.Score(model.Transformer, view.With(replaced), missing, task, model.Name));
                drops[repeat] = metric.Drop(intactValue, metric.Value(shuffled, null));
                for (var b = repeat; b < resamples.Length; b += options.Repeats)
                {
                    var drop = metric.Drop(intactOnResample[b], metric.Value(shuffled, resamples[b]));
                    if (!double.IsNaN(drop))
                    {
                        resampleDrops.Add(drop);
                    }
                }
            }

            var mean = drops.Average();
            var std = Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / drops.Length);
            var sorted = resampleDrops.ToArray();
            Array.Sort(sorted);
            var (lower, upper) = PercentileInterval.Bounds(sorted, options.Confidence);
            measured.Add((column, mean, std, lower, upper));
        }

        var ranked = measured
            .OrderByDescending(m => double.IsNaN(m.Mean) ? double.NegativeInfinity : m.Mean)
            .ThenBy(m => m.Column, StringComparer.Ordinal)
            .Select((m, i) => new FeatureImportance(m.Column, m.Mean, m.Std, m.Lower, m.Upper, i + 1))
            .ToList();
        return new ImportanceResult(metric.Id, intactValue, options with { Metric = metric.Id }, ranked);
    }

    /// <summary>
    /// Each data column the model reads (not the label), in input-schema order, with the places it feeds: a
    /// scalar input (slot 0) or a slot of a vector input. A column feeding several inputs is shuffled in all of them at once.
    /// </summary>
    private static List<(string Column, List<(int Index, int Slot)> Uses)> SourceColumns(ColumnarDataView view, string label)
    {
        var columns = new List<(string Column, List<(int Index, int Slot)> Uses)>();
        var byName = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        for (var index = 0; index < view.Columns.Count; index++)
        {
            var slot = 0;
            foreach (var name in RowInputBuilder.SourceColumns(view.Schema[index]))
            {
                if (!string.Equals(name, label, StringComparison.Ordinal))
                {
                    if (!byName.TryGetValue(name, out var uses))
                    {
                        uses = [];
                        byName[name] = uses;
                        columns.Add((name, uses));
                    }

                    uses.Add((index, slot));
                }

                slot++;
            }
        }

        return columns;
    }
}
