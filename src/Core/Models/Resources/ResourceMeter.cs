using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelGates.Data;
using ModelGates.Lineage;
using ModelGates.Models.Evaluation.Scoring;

namespace ModelGates.Models.Resources;

/// <summary>
/// Measures what a model costs on its evaluation rows. Size is the model file's. Throughput: the rows go through the
/// model's ML.NET pipeline once to warm up (JIT, caches), then in <see cref="Passes"/> timed batch passes; it is the
/// median over passes of rows per second. Latency: a request scores one row, from its column values to its score
/// (the input view built, the pipeline run, the score read), as a service scoring one application at a time does;
/// after <see cref="WarmupRequests"/> untimed requests, each pass times one request per row for up to
/// <see cref="LatencyRows"/> rows, and p50 and p95 are over every timed request (nearest rank). Training time and
/// peak memory come from the lineage record the training process wrote (<c>ModelLineage.Save</c>).
/// </summary>
internal static class ResourceMeter
{
    /// <summary>Timed passes after the warm-up.</summary>
    public const int Passes = 5;

    /// <summary>Rows timed as single-row requests in each pass (the first ones of the data).</summary>
    public const int LatencyRows = 100;

    /// <summary>Timed passes of single-row requests.</summary>
    public const int LatencyPasses = 3;

    /// <summary>Untimed single-row requests before the timed ones.</summary>
    public const int WarmupRequests = 20;

    private const double Mebibyte = 1024.0 * 1024.0;

    /// <summary>Measures the resources <paramref name="wanted"/> asks for (scoring is skipped when none needs it).</summary>
    public static ResourceUse Measure(string modelPath, DataEngine engine, LoadedDataset data, LoadedDataset text, IReadOnlyCollection<string> wanted, LineageRecord? lineage)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["modelSizeMB"] = new FileInfo(modelPath).Length / Mebibyte,
        };
        var missing = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var samples = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        if (lineage?.Training is { } training)
        {
            values["trainingSeconds"] = training.Seconds;
            values["trainingPeakMemoryMB"] = training.PeakMemoryBytes / Mebibyte;
        }
        else
        {
            var why = lineage is null
                ? $"model '{Path.GetFileName(modelPath)}' carries no lineage record: save it with ModelLineage.Save"
                : $"the lineage record of model '{Path.GetFileName(modelPath)}' was written before training was measured: save it again with this version of ModelLineage.Save";
            missing["trainingSeconds"] = why;
            missing["trainingPeakMemoryMB"] = why;
        }

        if (wanted.Any(id => id.StartsWith("latency", StringComparison.Ordinal) || id.StartsWith("throughput", StringComparison.Ordinal)))
        {
            var timed = Score(modelPath, engine, data, text);
            values["latencyP50Ms"] = timed.P50;
            values["latencyP95Ms"] = timed.P95;
            values["throughputRowsPerSecond"] = timed.Throughput;
            samples["latencyP50Ms"] = timed.P50Passes;
            samples["latencyP95Ms"] = timed.P95Passes;
            samples["throughputRowsPerSecond"] = timed.ThroughputPasses;
        }

        return new ResourceUse { Values = values, Missing = missing, Rows = data.Rows, Passes = Passes, PassValues = samples };
    }

    private static TimedScoring Score(string modelPath, DataEngine engine, LoadedDataset data, LoadedDataset text)
    {
        var model = MlNetModel.Load(modelPath);
        var (view, _) = ModelInputBuilder.Build(engine, data, text, model.InputSchema, model.Name);
        var scored = model.Transformer.Transform(view);
        var score = scored.Schema["Score"];
        var rows = (int)data.Rows;
        var throughputs = new double[Passes];
        Pass(scored, score);
        for (var pass = 0; pass < Passes; pass++)
        {
            throughputs[pass] = rows / Math.Max(Pass(scored, score), double.Epsilon);
        }

        var requests = DatasetRows.Read(engine, data, text).Take(LatencyRows).Select(row => RowInputBuilder.Build([row], model.InputSchema, model.Name)).ToList();
        for (var i = 0; i < WarmupRequests && requests.Count > 0; i++)
        {
            Request(model, requests[i % requests.Count]);
        }

        var latencies = new long[requests.Count * LatencyPasses];
        for (var i = 0; i < latencies.Length; i++)
        {
            latencies[i] = Request(model, requests[i % requests.Count]);
        }

        // Each pass's own percentiles, in pass order: their spread is the measurement's noise (ResourceRegression).
        var p50Passes = new double[LatencyPasses];
        var p95Passes = new double[LatencyPasses];
        for (var pass = 0; pass < LatencyPasses && requests.Count > 0; pass++)
        {
            var one = latencies.AsSpan(pass * requests.Count, requests.Count).ToArray();
            Array.Sort(one);
            p50Passes[pass] = Milliseconds(NearestRank(one, 0.50));
            p95Passes[pass] = Milliseconds(NearestRank(one, 0.95));
        }

        var throughputPasses = (double[])throughputs.Clone();
        Array.Sort(latencies);
        Array.Sort(throughputs);
        return new TimedScoring(
            Milliseconds(NearestRank(latencies, 0.50)), Milliseconds(NearestRank(latencies, 0.95)), throughputs[Passes / 2], p50Passes, p95Passes, throughputPasses);
    }

    // One request: a one-row view through the pipeline to its score. Returns its ticks.
    private static long Request(MlNetModel model, IDataView row)
    {
        var start = Stopwatch.GetTimestamp();
        var scored = model.Transformer.Transform(row);
        var score = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([score]);
        Action read = score.Type is VectorDataViewType ? Reader<VBuffer<float>>(cursor, score) : Reader<float>(cursor, score);
        while (cursor.MoveNext())
        {
            read();
        }

        return Stopwatch.GetTimestamp() - start;
    }

    // One batch pass over every row. Returns its seconds.
    private static double Pass(IDataView scored, DataViewSchema.Column score)
    {
        var start = Stopwatch.GetTimestamp();
        using var cursor = scored.GetRowCursor([score]);
        Action read = score.Type is VectorDataViewType ? Reader<VBuffer<float>>(cursor, score) : Reader<float>(cursor, score);
        while (cursor.MoveNext())
        {
            read();
        }

        return (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
    }

    private static Action Reader<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () => getter(ref value);
    }

    private static long NearestRank(long[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed record TimedScoring(double P50, double P95, double Throughput, double[] P50Passes, double[] P95Passes, double[] ThroughputPasses);
}
