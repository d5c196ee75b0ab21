using CreditRisk;

// Retrains the credit-risk model from the shipped data: `dotnet run --project samples/CreditRisk`.
// Everything is seeded, so a rerun on the same data writes the same split and a model with the same scores.
var root = args.Length > 0 ? args[0] : AppContext.BaseDirectory.Split("bin")[0];
var paths = new SamplePaths(root);
var split = DataSplit.Write(paths);
Console.WriteLine($"Split {split.Train} training and {split.Holdout} holdout rows into {paths.DataFolder}");
var metrics = ModelTraining.Train(paths);
Console.WriteLine($"Saved {paths.Model}: holdout AUC {metrics.AreaUnderRocCurve:0.0000}, log loss {metrics.LogLoss:0.0000}");
