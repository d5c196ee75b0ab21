// The detection-power table of the auto drift policy (docs/drift.md#detection-power): for each shift kind and size
// per side, seeded pairs of samples are compared by the product's engine (SampleDrift, the default options: auto,
// α = 0.05, effect threshold 0.1, 200 bootstrap replicates) one column at a time, and the share of pairs judged
// drifted is counted, with the share warned MG3010 and the median effect and minimum detectable effect. Every
// shift kind is also run with no shift, for the false-alarm rate. Writes the Markdown table to the path given
// (default power.md) and a line per cell to stderr.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Results;
using ModelGates.Statistics;

var output = args.Length > 0 ? args[0] : "power.md";
int[] sizes = [10, 100, 1_000, 10_000, 100_000, 1_000_000];

// Fewer pairs where one comparison costs more (KS is exact up to 10,000 rows a side; a million rows are sorted twice).
static int Replicates(int n) => n switch
{
    <= 100 => 400,
    <= 1_000 => 200,
    <= 10_000 => 30,
    <= 100_000 => 30,
    _ => 10,
};

Shift[] shifts =
[
    new("boolean 50% → 60% true", "boolean", (r, n, on) => Flag(r, n, on ? 0.6 : 0.5)),
    new("rare category 1% → 3% of rows", "categorical", (r, n, on) => Segment(r, n, on ? 0.03 : 0.01)),
    new("lognormal amount (σ = 2), every value +30%", "numeric", (r, n, on) => Amount(r, n, on ? 1.3 : 1.0)),
    new("normal, mean + 0.2 σ", "numeric", (r, n, on) => Normal(r, n, on ? 0.2 : 0.0)),
    new("normal, mean + 0.05 σ (half the threshold)", "numeric", (r, n, on) => Normal(r, n, on ? 0.05 : 0.0)),
];

var clock = Stopwatch.StartNew();
var table = new StringBuilder();
table.AppendLine("| shift | n per side | pairs | drifted (shifted) | drifted (no shift) | MG3010 (no shift) | median effect (shifted) | median MDE |");
table.AppendLine("|---|---|---|---|---|---|---|---|");
foreach (var (shift, index) in shifts.Select((s, i) => (s, i)))
{
    foreach (var n in sizes)
    {
        var pairs = Replicates(n);
        var shifted = Run(shift, n, pairs, seed: (ulong)((index * 1_000_000) + n), on: true);
        var clean = Run(shift, n, pairs, seed: (ulong)((index * 1_000_000) + n + 500_000), on: false);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"| {shift.Name} | {n:N0} | {pairs} | {Share(shifted.Drifted, pairs)} | {Share(clean.Drifted, pairs)} | {Share(clean.Warned, pairs)} | {shifted.MedianEffect:0.###} | {clean.MedianMde:0.###} |");
        table.AppendLine(line);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,7:0.0}s {line}"));
    }
}

var text = new StringBuilder()
    .AppendLine("<!-- Written by eng/drift-power (dotnet run -c Release --project eng/drift-power -- eng/drift-power/power.md); do not edit. -->")
    .Append(table)
    .AppendLine()
    .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Effects: cohens_h (boolean, categorical), wasserstein_rank (lognormal), wasserstein (normal). Run time {clock.Elapsed.TotalMinutes:0.0} min on {Environment.ProcessorCount} cores, {RuntimeInfo()}."))
    .ToString();
File.WriteAllText(output, text);
return 0;

static (int Drifted, int Warned, double MedianEffect, double MedianMde) Run(Shift shift, int n, int pairs, ulong seed, bool on)
{
    var random = new SeededRandom(seed);
    var drifted = 0;
    var warned = 0;
    var effects = new List<double>();
    var mdes = new List<double>();
    for (var p = 0; p < pairs; p++)
    {
        var report = SampleDrift.Compare([shift.Draw(random, n, false)], [shift.Draw(random, n, on)]);
        var column = report.Columns[0];
        drifted += column.Status == ColumnDriftStatus.Drift ? 1 : 0;
        warned += report.Diagnostics.Any(d => d.Code == "MG3010") ? 1 : 0;
        if (column.Effect is { } e)
        {
            effects.Add(e);
        }

        if (column.MinimumDetectableEffect is { } m)
        {
            mdes.Add(m);
        }
    }

    return (drifted, warned, Median(effects), Median(mdes));
}

static double Median(List<double> values)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
}

static string Share(int count, int pairs) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / pairs:0.#}%");

static string RuntimeInfo()
{
    // The machine's load says how far the run time is from an idle machine's.
    var load = File.Exists("/proc/loadavg") ? $", load average {File.ReadAllText("/proc/loadavg").Split(' ')[1]} (5 min)" : string.Empty;
    return System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + load;
}

static SampleColumn Flag(SeededRandom random, int n, double p)
{
    long trues = 0;
    for (var i = 0; i < n; i++)
    {
        trues += random.NextDouble() < p ? 1 : 0;
    }

    return SampleColumn.Counts("x", new Dictionary<string, long>(StringComparer.Ordinal) { ["false"] = n - trues, ["true"] = trues }, kind: ColumnKind.Boolean);
}

static SampleColumn Segment(SeededRandom random, int n, double rare)
{
    // The rare category takes its share; the two common ones give way in proportion (60:40).
    var counts = new Dictionary<string, long>(StringComparer.Ordinal) { ["business"] = 0, ["rare"] = 0, ["retail"] = 0 };
    for (var i = 0; i < n; i++)
    {
        var u = random.NextDouble();
        counts[u < rare ? "rare" : u < rare + ((1 - rare) * 0.6) ? "retail" : "business"]++;
    }

    return SampleColumn.Counts("x", counts);
}

static SampleColumn Amount(SeededRandom random, int n, double factor)
{
    var values = new double[n];
    for (var i = 0; i < n; i++)
    {
        values[i] = factor * Math.Exp(2.0 * random.NextGaussian());
    }

    return SampleColumn.Numeric("x", values);
}

static SampleColumn Normal(SeededRandom random, int n, double shift)
{
    var values = new double[n];
    for (var i = 0; i < n; i++)
    {
        values[i] = shift + random.NextGaussian();
    }

    return SampleColumn.Numeric("x", values);
}

internal sealed record Shift(string Name, string Kind, Func<SeededRandom, int, bool, SampleColumn> Draw);
