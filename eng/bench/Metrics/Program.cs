// Benchmark: 1,000,000 seeded binary predictions; every binary metric plus 1,000 bootstrap
// resamples of all of them. Writes the predictions as CSV so eng/bench/metrics_sklearn.py times
// scikit-learn on the very same rows. Usage:
//   dotnet run -c Release --project eng/bench/Metrics -- [--rows N] [--resamples B] [--seed S] [--csv PATH] [--threads T (0 = all cores)]
//     [--metrics id,id,... (default: every metric an evaluation computes)]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;

var rows = 1_000_000;
var resamples = 1000;
ulong seed = 20240611;
var threads = 0;
string[]? only = null;
var csvPath = Path.Combine("eng", "bench", "out", "metrics_bench.csv");
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--resamples": resamples = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--csv": csvPath = args[i + 1]; break;
        case "--threads": threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--metrics": only = args[i + 1].Split(','); break;
        default: throw new ArgumentException("Unknown option " + args[i]);
    }
}

// Labels ~ Bernoulli(0.3); probability = sigmoid(N(0,1) + 1.2·label − 0.8), rounded to 6 decimals
// like a model exporting float32-ish probabilities (so the data has some ties, as real data does).
var random = new BenchRandom(seed);
var labels = new int[rows];
var scores = new double[rows];
for (var i = 0; i < rows; i++)
{
    labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
    var z = random.NextGaussian() + (1.2 * labels[i]) - 0.8;
    scores[i] = Math.Round(1.0 / (1.0 + Math.Exp(-z)), 6);
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(csvPath))!);
using (var writer = new StreamWriter(csvPath, false, new UTF8Encoding(false)))
{
    writer.Write("label,score\n");
    for (var i = 0; i < rows; i++)
    {
        writer.Write(labels[i].ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(scores[i].ToString("R", CultureInfo.InvariantCulture));
        writer.Write('\n');
    }
}

GC.Collect();
using var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var stopwatch = Stopwatch.StartNew();
var predictions = new BinaryPredictions(labels, scores);
var metrics = only is null ? MetricRegistry.AllBinary() : [.. only.Select(id => MetricRegistry.ResolveBinary(id))];
var point = metrics.Select(m => (m.Id, Value: m.Compute(predictions))).ToList();
var pointSeconds = stopwatch.Elapsed.TotalSeconds;
var intervals = MetricBootstrap.Estimate(predictions, metrics, new BootstrapOptions { Resamples = resamples, Seed = seed, MaxDegreeOfParallelism = threads });
stopwatch.Stop();

process.Refresh();
var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows} resamples={resamples} seed={seed} cores={Environment.ProcessorCount} csv={csvPath}"));
foreach (var interval in intervals)
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{interval.MetricId,-17} {interval.Estimate.Value,-22:R} [{interval.Lower:F6}, {interval.Upper:F6}]"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"point metrics (incl. validation and sort): {pointSeconds:F3} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"elapsed (point metrics + {resamples} resamples): {stopwatch.Elapsed.TotalSeconds:F3} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu time (all threads): {cpuSeconds:F3} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MiB"));

/// <summary>
/// SplitMix64 with Box–Muller normals: Core's generator is internal, and the benchmark only needs the same
/// rows on every run (eng/bench/metrics_sklearn.py reads them from the CSV written above).
/// </summary>
internal sealed class BenchRandom(ulong seed)
{
    private ulong state = seed;

    public double NextDouble()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }

    public double NextGaussian() => Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble())) * Math.Cos(2.0 * Math.PI * NextDouble());
}
