using System.Globalization;
using System.Runtime.ExceptionServices;
using Microsoft.ML;
using Microsoft.ML.Data;
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
        var (intactValue, intactOnRows) = metric.Measure(metric.Outputs(MlNetModelScorer.Score(model.Transformer, view, missing, task, model.Name)));
        var resamples = ColumnShuffle.Resamples(options.Seed, options.Resamples, rows);
        var intactOnResample = new double[resamples.Length];
        for (var b = 0; b < resamples.Length; b++)
        {
            intactOnRows.Evaluate(resamples[b], intactOnResample.AsSpan(b, 1));
        }

        var columns = SourceColumns(view, label);
        var repeats = options.Repeats;
        var drops = new double[columns.Count * repeats];
        var resampleDrops = new double[columns.Count][];
        for (var c = 0; c < columns.Count; c++)
        {
            resampleDrops[c] = new double[resamples.Length];
        }

        var reporter = new ColumnProgress(columns.Count, repeats, c => progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"importance: shuffled '{columns[c].Column}' {repeats} times")));
        var failures = new Exception?[drops.Length];

        // Each shuffle is its own job with its own seeded stream and its own output slots, so the result does not
        // depend on how the jobs are spread over the cores.
        Parallel.For(0, drops.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => RowMapper(model.Transformer, view.Schema), (job, state, mapper) =>
        {
            var (c, repeat) = (job / repeats, job % repeats);
            try
            {
                var order = ColumnShuffle.Order(options.Seed, columns[c].Column, repeat, rows);
                var replaced = new Dictionary<int, InputColumnValues>();
                foreach (var (index, slot) in columns[c].Uses)
                {
                    replaced[index] = (replaced.GetValueOrDefault(index) ?? view.Columns[index]).Permuted(slot, order);
                }

                var shuffled = view.With(replaced);
                var scores = mapper is null
                    ? MlNetModelScorer.Score(model.Transformer, shuffled, missing, task, model.Name)
                    : MlNetModelScorer.Read(new MappedDataView(shuffled, mapper), mapper.OutputSchema, task, model.Name);
                var (shuffledValue, shuffledOnRows) = metric.Measure(metric.Outputs(scores));
                drops[job] = metric.Drop(intactValue, shuffledValue);

                // Resample b is measured on shuffle b mod repeats, so the interval covers the shuffles' variation too.
                Span<double> value = stackalloc double[1];
                for (var b = repeat; b < resamples.Length; b += repeats)
                {
                    shuffledOnRows.Evaluate(resamples[b], value);
                    resampleDrops[c][b] = metric.Drop(intactOnResample[b], value[0]);
                }

                reporter.Done(c);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures[job] = e;
                state.Stop();
            }

            return mapper;
        }, _ => { });

        if (Array.Find(failures, f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        var measured = new List<(string Column, double Mean, double Std, double? Lower, double? Upper)>();
        for (var c = 0; c < columns.Count; c++)
        {
            var columnDrops = drops.AsSpan(c * repeats, repeats).ToArray();
            var mean = columnDrops.Average();
            var std = Math.Sqrt(columnDrops.Sum(d => (d - mean) * (d - mean)) / columnDrops.Length);
            var sorted = Array.FindAll(resampleDrops[c], d => !double.IsNaN(d));
            Array.Sort(sorted);
            var (lower, upper) = PercentileInterval.Bounds(sorted, options.Confidence);
            measured.Add((columns[c].Column, mean, std, lower, upper));
        }

        var ranked = measured
            .OrderByDescending(m => double.IsNaN(m.Mean) ? double.NegativeInfinity : m.Mean)
            .ThenBy(m => m.Column, StringComparer.Ordinal)
            .Select((m, i) => new FeatureImportance(m.Column, m.Mean, m.Std, m.Lower, m.Upper, i + 1))
            .ToList();
        return new ImportanceResult(metric.Id, intactValue, options with { Metric = metric.Id }, ranked);
    }

    /// <summary>
    /// A row-to-row mapper of the model for one worker thread, or null when the pipeline has none or cannot build one;
    /// then the shuffles are scored through Transform, which reports what is wrong as the intact scoring would.
    /// </summary>
    private static IRowToRowMapper? RowMapper(ITransformer model, DataViewSchema input)
    {
        try
        {
            return model.IsRowToRowMapper ? model.GetRowToRowMapper(input) : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
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
