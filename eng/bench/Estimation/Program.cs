// Benchmark: CBPE and DLE fitted on a seeded reference and estimating one large window, CPU and wall time of each
// step. The same sizes and distributions as eng/bench/estimation_peer.py (numpy / scikit-learn). Usage:
//   dotnet run -c Release --project eng/bench/Estimation -- [--reference N] [--window N] [--seed S]
using System.Diagnostics;
using System.Globalization;
using ModelGates.Monitoring.Estimation;

var referenceRows = 100_000;
var windowRows = 1_000_000;
var seed = 20261207;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--reference": referenceRows = value; break;
        case "--window": windowRows = value; break;
        case "--seed": seed = value; break;
        default: throw new ArgumentException("Unknown option " + args[i]);
    }
}

var random = new Random(seed);
static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

(double[] Scores, bool[] Labels) Binary(int rows, double shift)
{
    var scores = new double[rows];
    var labels = new bool[rows];
    for (var i = 0; i < rows; i++)
    {
        var x = shift + Gaussian();
        scores[i] = Sigmoid((1.5 * x) + 0.3);
        labels[i] = random.NextDouble() < Sigmoid((2 * x) - 0.5);
    }

    return (scores, labels);
}

(double[][] Features, double[] Predictions, double[] Labels) Regression(int rows, double shift)
{
    var x1 = new double[rows];
    var x2 = new double[rows];
    var predictions = new double[rows];
    var labels = new double[rows];
    for (var i = 0; i < rows; i++)
    {
        x1[i] = shift + Gaussian();
        x2[i] = Gaussian();
        predictions[i] = x1[i] + (0.4 * x2[i] * x2[i]);
        labels[i] = x1[i] + (0.5 * x2[i] * x2[i]) + ((0.3 + (0.3 * Math.Abs(x1[i]))) * Gaussian());
    }

    return ([x1, x2], predictions, labels);
}

T Time<T>(string step, Func<T> work)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var result = work();
    wall.Stop();
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step}\twall_s={wall.Elapsed.TotalSeconds:F3}\tcpu_s={used.TotalSeconds:F3}"));
    return result;
}

var reference = Binary(referenceRows, 0);
var window = Binary(windowRows, 0.5);
var cbpe = Time("cbpe_fit", () => CbpeEstimator.Fit(reference.Scores, reference.Labels));
var cbpeEstimates = Time("cbpe_estimate", () => cbpe.Estimate(window.Scores));
var regressionReference = Regression(referenceRows, 0);
var regressionWindow = Regression(windowRows, 0.5);
var dle = Time("dle_fit", () => DleEstimator.Fit(regressionReference.Features, regressionReference.Predictions, regressionReference.Labels));
var dleEstimates = Time("dle_estimate", () => dle.Estimate(regressionWindow.Features, regressionWindow.Predictions));
foreach (var e in cbpeEstimates.Concat(dleEstimates))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {e.Metric} {e.Value:F4} [{e.Lower:F4}, {e.Upper:F4}]"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# peak_rss_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0}"));
