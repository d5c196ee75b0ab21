using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Quality.Features;

namespace ModelGates.Quality.LabelErrors;

/// <summary>
/// Out-of-fold class probabilities from a seeded ML.NET model: K models, each trained on K-1 stratified folds and
/// scoring the fold it did not see. Single-threaded trainers with fixed seeds, so the same data gives the same bytes.
/// </summary>
internal static class OutOfFoldPredictor
{
    private const string LabelName = "Label";
    private const string FeaturesName = "Features";

    /// <summary>Probabilities of every class for every row, each row scored by the model of the other folds.</summary>
    /// <param name="features">The feature columns.</param>
    /// <param name="labels">The encoded label.</param>
    /// <param name="options">Folds, seed and trainer.</param>
    /// <param name="source">The data's path, for messages.</param>
    public static double[,] Predict(IReadOnlyList<FeatureColumn> features, LabelClasses labels, LabelErrorOptions options, string? source)
    {
        var k = labels.Classes.Count;
        var folds = StratifiedFolds.Assign(labels.Indices, k, options.Folds, options.Seed);
        var probabilities = new double[labels.Indices.Length, k];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = Rows(folds, f => f != fold);
            var test = Rows(folds, f => f == fold);
            try
            {
                if (k == 2)
                {
                    var p = Positive(features, labels, 1, train, test, options);
                    for (var i = 0; i < test.Length; i++)
                    {
                        probabilities[test[i], 1] = p[i];
                        probabilities[test[i], 0] = 1.0 - p[i];
                    }

                    continue;
                }

                // More classes: one binary model per class against the rest, normalised per row. Every trainer takes
                // the same binary path; ML.NET's multiclass trainers over these views gave near-uniform probabilities.
                var perClass = Enumerable.Range(0, k).Select(c => Positive(features, labels, c, train, test, options)).ToArray();
                for (var i = 0; i < test.Length; i++)
                {
                    var sum = 0.0;
                    for (var c = 0; c < k; c++)
                    {
                        sum += perClass[c][i];
                    }

                    for (var c = 0; c < k; c++)
                    {
                        probabilities[test[i], c] = sum > 0 ? perClass[c][i] / sum : 1.0 / k;
                    }
                }
            }
            catch (Exception e) when (e is not ModelGatesException)
            {
                throw new DataReadException(DiagnosticCatalog.OutOfFoldTrainingFailed.Create(
                    $"Training fold {fold + 1} of {options.Folds} with {options.Trainer.ToText()} failed: {e.Message}") with { File = source, Column = options.Label });
            }
        }

        return probabilities;
    }

    private static int[] Rows(int[] folds, Func<int, bool> keep) => [.. Enumerable.Range(0, folds.Length).Where(i => keep(folds[i]))];

    // The probability that each test row is of class `positive`, from a binary model trained on the train rows.
    private static double[] Positive(IReadOnlyList<FeatureColumn> features, LabelClasses labels, int positive, int[] train, int[] test, LabelErrorOptions options)
    {
        var ml = new MLContext(options.Seed);
        var model = Pipeline(ml, features, options).Fit(View(features, labels, positive, train));
        var scored = model.Transform(View(features, labels, positive, test));
        return [.. scored.GetColumn<float>("Probability").Select(p => (double)p)];
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, IReadOnlyList<FeatureColumn> features, LabelErrorOptions options)
    {
        var numeric = Names(features, ColumnKind.Numeric);
        var categorical = Names(features, ColumnKind.Categorical);
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        if (numeric.Length > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.ReplaceMissingValues([.. numeric.Select(n => new InputOutputColumnPair(n))]));
        }

        if (categorical.Length > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding([.. categorical.Select(n => new InputOutputColumnPair(n))]));
        }

        pipeline = pipeline.Append(ml.Transforms.Concatenate(FeaturesName, [.. numeric, .. categorical]));
        var linear = options.Trainer is LabelErrorTrainer.LbfgsLogisticRegression or LabelErrorTrainer.LbfgsMaximumEntropy or LabelErrorTrainer.SdcaMaximumEntropy;
        if (linear)
        {
            pipeline = pipeline.Append(ml.Transforms.NormalizeMinMax(FeaturesName));
        }

        return pipeline.Append(Trainer(ml, options));
    }

    // Maximum entropy over two classes is logistic regression: the maximum-entropy options name their solver.
    private static IEstimator<ITransformer> Trainer(MLContext ml, LabelErrorOptions options) => options.Trainer switch
    {
        LabelErrorTrainer.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = 16, NumberOfIterations = 100, MinimumExampleCountPerLeaf = 10, LearningRate = 0.1, NumberOfThreads = 1, Seed = options.Seed,
        }),
        LabelErrorTrainer.FastTree => ml.BinaryClassification.Trainers.FastTree(FastTreeOptions(options)),
        LabelErrorTrainer.SdcaMaximumEntropy => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }),
        _ => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }),
    };

    private static FastTreeBinaryTrainer.Options FastTreeOptions(LabelErrorOptions options) => new()
    {
        NumberOfLeaves = 16, NumberOfTrees = 100, MinimumExampleCountPerLeaf = 10, LearningRate = 0.1, NumberOfThreads = 1, Seed = options.Seed,
    };

    private static string[] Names(IReadOnlyList<FeatureColumn> features, ColumnKind kind) =>
        [.. features.Select((f, i) => (f, i)).Where(p => p.f.Kind == kind).Select(p => Feature(p.i))];

    // Internal names, so that a data column called Label or Features cannot clash.
    private static string Feature(int i) => "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ColumnarDataView View(IReadOnlyList<FeatureColumn> features, LabelClasses labels, int positive, int[] rows)
    {
        var columns = new List<InputColumnValues>();
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            columns.Add(feature.Numbers is { } numbers
                ? InputColumnValues.Scalar(Feature(i), NumberDataViewType.Single, rows.Select(r => (float)numbers[r]).ToArray())
                : InputColumnValues.Scalar(Feature(i), TextDataViewType.Instance, rows.Select(r => (feature.Categories![r] ?? string.Empty).AsMemory()).ToArray()));
        }

        columns.Add(InputColumnValues.Scalar(LabelName, BooleanDataViewType.Instance, rows.Select(r => labels.Indices[r] == positive).ToArray()));
        return new ColumnarDataView(columns, rows.Length);
    }
}
