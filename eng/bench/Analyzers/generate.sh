#!/usr/bin/env bash
# Writes the C# sources of the analyzer benchmark project: FILES files under DIR, a realistic mix.
#
#   1 file in TRAIN_EVERY   a training pipeline: row class, pipeline (one-hot, missing values, concatenate,
#                           normalize, a trainer - FastTree, SDCA, LightGBM, L-BFGS, GAM in turn), LINQ data
#                           cleaning, Train (context, split, Fit, evaluate, save) and Score. One training file
#                           in ten creates an unseeded context, one in six uses SDCA defaults (MG1001, MG1004).
#   1 file in SCORE_EVERY   (of the others) scoring code: loads a model, prediction engine, batch scoring with
#                           an unseeded MLContext (correct: scoring does not depend on the seed).
#   all other files         plain application code: records, a repository, a service with LINQ, async I/O,
#                           string formatting, pattern matching, exceptions, a Random and DateTime.Now used for
#                           retries and logging (not training code: the rules must stay silent).
#
# Usage: generate.sh DIR FILES TRAIN_EVERY [SCORE_EVERY]
set -euo pipefail
DIR="$1"
FILES="$2"
TRAIN_EVERY="$3"
SCORE_EVERY="${4:-4}"
mkdir -p "$DIR"

trainer() {
  case $(( $1 % 6 )) in
    0) echo 'ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 50)' ;;
    1) echo 'ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1, MaximumNumberOfIterations = 20 })' ;;
    2) echo 'ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { Deterministic = true, ForceColumnWise = true, NumberOfIterations = 40 })' ;;
    3) echo 'ml.BinaryClassification.Trainers.LbfgsLogisticRegression()' ;;
    4) echo 'ml.BinaryClassification.Trainers.SdcaLogisticRegression()' ;;
    5) echo 'ml.BinaryClassification.Trainers.Gam()' ;;
  esac
}

training_file() {
  local i="$1" context
  if [ $(( i % 10 )) -eq 0 ]; then context='new MLContext()'; else context="new MLContext(seed: $i)"; fi
  cat <<EOF
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace Bench.Models.M$i;

public sealed class Input$i
{
    [LoadColumn(0)] public float Age { get; set; }
    [LoadColumn(1)] public float Income { get; set; }
    [LoadColumn(2)] public float Debt { get; set; }
    [LoadColumn(3)] public float Tenure { get; set; }
    [LoadColumn(4)] public string Region { get; set; } = "";
    [LoadColumn(5)] public string Product { get; set; } = "";
    [LoadColumn(6)] public bool Label { get; set; }
}

public sealed class Prediction$i
{
    [ColumnName("PredictedLabel")] public bool Predicted { get; set; }
    public float Score { get; set; }
    public float Probability { get; set; }
}

public static class Training$i
{
    private static readonly string[] Numeric = { nameof(Input$i.Age), nameof(Input$i.Income), nameof(Input$i.Debt), nameof(Input$i.Tenure) };

    public static IEstimator<ITransformer> Build(MLContext ml) =>
        ml.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair("RegionKey", nameof(Input$i.Region)), new InputOutputColumnPair("ProductKey", nameof(Input$i.Product)) })
            .Append(ml.Transforms.ReplaceMissingValues(Numeric.Select(name => new InputOutputColumnPair(name)).ToArray()))
            .Append(ml.Transforms.Concatenate("Features", Numeric.Concat(new[] { "RegionKey", "ProductKey" }).ToArray()))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append($(trainer "$i"));

    public static IReadOnlyList<Input$i> Clean(IEnumerable<Input$i> rows) => rows
        .Where(row => !float.IsNaN(row.Income) && row.Age is > 17 and < 100)
        .Select(row => { row.Debt = Math.Max(0, row.Debt); row.Region = row.Region.Trim().ToUpperInvariant(); return row; })
        .OrderBy(row => row.Region, StringComparer.Ordinal)
        .ThenBy(row => row.Income)
        .ToList();

    public static double Train(string path, string modelPath)
    {
        var ml = $context;
        var raw = ml.Data.LoadFromTextFile<Input$i>(path, hasHeader: true, separatorChar: ',');
        var rows = Clean(ml.Data.CreateEnumerable<Input$i>(raw, reuseRowObject: false));
        var data = ml.Data.LoadFromEnumerable(rows);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
        var model = Build(ml).Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet));
        Report("model $i", metrics.Accuracy, metrics.AreaUnderRocCurve, metrics.F1Score);
        ml.Model.Save(model, split.TrainSet.Schema, modelPath);
        return metrics.AreaUnderRocCurve;
    }

    public static float Score(string modelPath, Input$i input)
    {
        var ml = new MLContext();
        var model = ml.Model.Load(modelPath, out _);
        var engine = ml.Model.CreatePredictionEngine<Input$i, Prediction$i>(model);
        return engine.Predict(input).Probability;
    }

    public static IDataView CrossValidationFolds(MLContext ml, IDataView data) =>
        ml.Data.CrossValidationSplit(data, numberOfFolds: 5, seed: $i)[0].TrainSet;

    private static void Report(string name, double accuracy, double auc, double f1)
    {
        var line = string.Format(CultureInfo.InvariantCulture, "{0}: accuracy={1:F4} auc={2:F4} f1={3:F4}", name, accuracy, auc, f1);
        if (auc < 0.5)
        {
            line += " (worse than chance)";
        }

        Console.WriteLine(line);
    }
}
EOF
}

scoring_file() {
  local i="$1"
  cat <<EOF
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Bench.Scoring.S$i;

public sealed class Request$i
{
    public float Amount { get; set; }
    public float Balance { get; set; }
    public string Channel { get; set; } = "";
}

public sealed class Verdict$i
{
    [ColumnName("PredictedLabel")] public bool Flagged { get; set; }
    public float Probability { get; set; }
}

public sealed class Scorer$i : IDisposable
{
    private readonly MLContext _ml = new MLContext();
    private readonly PredictionEngine<Request$i, Verdict$i> _engine;

    public Scorer$i(string modelPath)
    {
        var model = _ml.Model.Load(modelPath, out var schema);
        if (schema is null)
        {
            throw new InvalidOperationException("model " + modelPath + " has no input schema");
        }

        _engine = _ml.Model.CreatePredictionEngine<Request$i, Verdict$i>(model);
    }

    public bool IsSuspicious(Request$i request) => _engine.Predict(request) is { Flagged: true, Probability: > 0.8f };

    public IReadOnlyList<(Request$i Request, float Probability)> ScoreBatch(IEnumerable<Request$i> requests) => requests
        .Where(request => request.Amount > 0)
        .Select(request => (request, _engine.Predict(request).Probability))
        .OrderByDescending(pair => pair.Probability)
        .ToList();

    public void Dispose() => _engine.Dispose();
}
EOF
}

application_file() {
  local i="$1"
  cat <<EOF
using System.Globalization;
using System.Text;

namespace Bench.App.A$i;

public enum OrderStatus$i { Pending, Paid, Shipped, Cancelled }

public sealed record Customer$i(int Id, string Name, string Email, DateOnly Since, decimal CreditLimit);

public sealed record OrderLine$i(string Sku, int Quantity, decimal UnitPrice)
{
    public decimal Total => Quantity * UnitPrice;
}

public sealed record Order$i(int Id, int CustomerId, DateTime PlacedAt, OrderStatus$i Status, IReadOnlyList<OrderLine$i> Lines)
{
    public decimal Total => Lines.Sum(line => line.Total);
}

public interface IOrderRepository$i
{
    Task<IReadOnlyList<Order$i>> ForCustomerAsync(int customerId, CancellationToken cancellationToken);

    Task SaveAsync(Order$i order, CancellationToken cancellationToken);
}

public sealed class InMemoryOrderRepository$i : IOrderRepository$i
{
    private readonly Dictionary<int, List<Order$i>> _orders = new();
    private readonly object _gate = new();

    public Task<IReadOnlyList<Order$i>> ForCustomerAsync(int customerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Order$i> result = _orders.TryGetValue(customerId, out var list) ? list.ToArray() : Array.Empty<Order$i>();
            return Task.FromResult(result);
        }
    }

    public Task SaveAsync(Order$i order, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_orders.TryGetValue(order.CustomerId, out var list))
            {
                list = new List<Order$i>();
                _orders[order.CustomerId] = list;
            }

            list.RemoveAll(existing => existing.Id == order.Id);
            list.Add(order);
        }

        return Task.CompletedTask;
    }
}

public sealed class OrderService$i
{
    private static readonly Random Jitter = new();
    private readonly IOrderRepository$i _repository;

    public OrderService$i(IOrderRepository$i repository) => _repository = repository;

    public async Task<decimal> OutstandingAsync(Customer$i customer, CancellationToken cancellationToken)
    {
        var orders = await _repository.ForCustomerAsync(customer.Id, cancellationToken).ConfigureAwait(false);
        return orders.Where(order => order.Status is OrderStatus$i.Pending or OrderStatus$i.Paid).Sum(order => order.Total);
    }

    public async Task<bool> TryPlaceAsync(Customer$i customer, Order$i order, CancellationToken cancellationToken)
    {
        var outstanding = await OutstandingAsync(customer, cancellationToken).ConfigureAwait(false);
        if (outstanding + order.Total > customer.CreditLimit)
        {
            Log(\$"order {order.Id} of customer {customer.Id} refused: {outstanding + order.Total:F2} > {customer.CreditLimit:F2}");
            return false;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _repository.SaveAsync(order with { Status = OrderStatus$i.Pending }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (IOException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt + Jitter.Next(50)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static string Describe(Order$i order)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, \$"Order {order.Id} ({order.Status}) placed {order.PlacedAt:yyyy-MM-dd}");
        foreach (var group in order.Lines.GroupBy(line => line.Sku).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, \$"  {group.Key}: {group.Sum(line => line.Quantity)} x {group.First().UnitPrice:F2}");
        }

        return text.ToString();
    }

    public static string Classify(Customer$i customer, IReadOnlyCollection<Order$i> orders) => (orders.Count, customer.CreditLimit) switch
    {
        (0, _) => "new",
        (< 5, < 1000m) => "occasional",
        (< 5, _) => "trusted occasional",
        (_, >= 10000m) => "key account",
        _ => "regular",
    };

    private static void Log(string message) => Console.WriteLine(\$"[{DateTime.Now:HH:mm:ss}] {message}");
}
EOF
}

for i in $(seq 1 "$FILES"); do
  if [ $(( i % TRAIN_EVERY )) -eq 0 ]; then
    training_file "$i" > "$DIR/Model$i.cs"
  elif [ $(( i % SCORE_EVERY )) -eq 1 ]; then
    scoring_file "$i" > "$DIR/Scoring$i.cs"
  else
    application_file "$i" > "$DIR/App$i.cs"
  fi
done
