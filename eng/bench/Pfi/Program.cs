// Benchmark: permutation feature importance of a gradient-boosted ML.NET model (FastTree, 100 trees of 31
// leaves) on a holdout written by eng/bench/pfi_data.py, timed as a model gate runs it: the holdout read through
// DuckDB, scored once, then every column shuffled REPEATS times and re-scored, with the 200-resample intervals.
// Prints one line: "train_s pfi_wall_s pfi_cpu_s top5"; with PFI_RESULT=<file> also writes every importance there. Usage:
//   dotnet run -c Release --project eng/bench/Pfi -- <train.csv> <holdout.csv> <model.zip> [repeats]
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using ModelGates.Data;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Importance;
using ModelGates.Models.Predictions;

var (train, holdout, modelPath) = (args[0], args[1], args[2]);
var repeats = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
var header = File.ReadLines(train).First().Split(',');
var features = header.Where(h => h != "label").ToArray();

var trainClock = Stopwatch.StartNew();
if (!File.Exists(modelPath))
{
    var ml = new MLContext(seed: 1);
    var columns = features.Select((f, i) => new TextLoader.Column(f, DataKind.Single, i)).Append(new TextLoader.Column("label", DataKind.Boolean, features.Length)).ToArray();
    var data = ml.Data.LoadFromTextFile(train, columns, separatorChar: ',', hasHeader: true);
    var pipeline = ml.Transforms.CopyColumns("Label", "label")
        .Append(ml.Transforms.Concatenate("Features", features))
        .Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 31, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.1));
    ml.Model.Save(pipeline.Fit(data), data.Schema, modelPath);
}

var trained = trainClock.Elapsed.TotalSeconds;
using var engine = new DataEngine();
var request = new EvaluationRequest
{
    Task = ModelTask.Binary,
    Label = "label",
    Data = DatasetLoader.Load(engine, new DatasetSource(holdout)),
    TextData = DatasetLoader.Load(engine, new DatasetSource(holdout) { AllText = true }),
    DataName = Path.GetFileName(holdout),
    ModelPath = modelPath,
    PositiveClass = "true",
};
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var wall = Stopwatch.StartNew();
var labelled = ModelEvaluation.Label(engine, request, ModelEvaluation.Score(engine, request, modelPath));
var result = PermutationImportance.Compute(engine, request, modelPath, labelled, new ImportanceOptions { Repeats = repeats, Seed = 1 });
var pfiWall = wall.Elapsed.TotalSeconds;
var pfiCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
if (Environment.GetEnvironmentVariable("PFI_RESULT") is { Length: > 0 } resultPath)
{
    // Every number of the result, round-trippable, to compare runs byte for byte (before and after a change).
    File.WriteAllLines(resultPath, result.Features.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Rank} {f.Column} {f.Importance:R} {f.StandardDeviation:R} {f.Lower:R} {f.Upper:R}")).Prepend(string.Create(CultureInfo.InvariantCulture, $"{result.Metric} {result.MetricValue:R}")));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trained:F2} {pfiWall:F2} {pfiCpu:F2} {string.Join(",", result.TopK(5))}"));
