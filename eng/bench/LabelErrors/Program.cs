using System.Diagnostics;
using System.Globalization;
using ModelGates.Data;
using ModelGates.Quality.Features;
using ModelGates.Quality.LabelErrors;

// Usage: ModelGates.Bench.LabelErrors <data.csv> <label> [trainer] [folds]
// Prints the read time, the detection time (K models + confident learning) and what was flagged.
var path = args[0];
var label = args[1];
var trainer = args.Length > 2 ? LabelErrorTrainerText.Parse(args[2]) : LabelErrorTrainer.LightGbm;
var folds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;

var clock = Stopwatch.StartNew();
FeatureTable table;
using (var engine = new DataEngine())
{
    table = FeatureTable.Read(engine, DatasetLoader.Load(engine, new DatasetSource(path)));
}

var read = clock.Elapsed.TotalSeconds;
clock.Restart();
var result = LabelErrorDetector.Detect(table, new LabelErrorOptions { Label = label, Trainer = trainer, Folds = folds });
var detect = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"rows={table.Rows} read_s={read:F2} detect_s={detect:F2} flagged={result.Finding.Count} share={result.Finding.Share:F4} method=\"{result.Method}\""));
