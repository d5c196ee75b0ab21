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
        if (k > 2 && options.Trainer == LabelErrorTrainer.LbfgsLogisticRegression)
        {
            throw new ConfigurationException(DiagnosticCatalog.QualityOptionInvalid.Create(
                $"The trainer lbfgsLogisticRegression is binary, and the label '{options.Label}' has {k} classes; use lbfgsMaximumEntropy."));
        }

        var folds = StratifiedFolds.Assign(labels.Indices, k, options.Folds, options.Seed);
        var probabilities = new double[labels.Indices.Length, k];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = Rows(folds, f => f != fold);
            var test = Rows(folds, f => f == fold);
            try
            {
                var ml = new MLContext(options.Seed);
                var model = Pipeline(ml, features, k, options).Fit(View(features, labels, train, k, options));
                var scored = model.Transform(View(features, labels, test, k, options));
                Collect(scored, test, k, probabilities);
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

    private static IEstimator<ITransformer> Pipeline(MLContext ml, IReadOnlyList<FeatureColumn> features, int k, LabelErrorOptions options)
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

        return pipeline.Append(UsesBinaryLabel(k, options) ? Binary(ml, options) : Multiclass(ml, options));
    }

    private static IEstimator<ITransformer> Binary(MLContext ml, LabelErrorOptions options) => options.Trainer switch
    {
        LabelErrorTrainer.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = 16, NumberOfIterations = 100, MinimumExampleCountPerLeaf = 10, LearningRate = 0.1, NumberOfThreads = 1, Seed = options.Seed,
        }),
        LabelErrorTrainer.FastTree => ml.BinaryClassification.Trainers.FastTree(FastTreeOptions(options)),
        _ => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }),
    };

    private static IEstimator<ITransformer> Multiclass(MLContext ml, LabelErrorOptions options) => options.Trainer switch
    {
        LabelErrorTrainer.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfLeaves = 16, NumberOfIterations = 100, MinimumExampleCountPerLeaf = 10, LearningRate = 0.1, NumberOfThreads = 1, Seed = options.Seed,
        }),
        LabelErrorTrainer.FastTree => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(FastTreeOptions(options)), useProbabilities: true),
        LabelErrorTrainer.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
        _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
    };

    private static FastTreeBinaryTrainer.Options FastTreeOptions(LabelErrorOptions options) => new()
    {
        NumberOfLeaves = 16, NumberOfTrees = 100, MinimumExampleCountPerLeaf = 10, LearningRate = 0.1, NumberOfThreads = 1, Seed = options.Seed,
    };

    // The maximum-entropy trainers are multiclass; two classes are then a multiclass problem of two.
    private static bool UsesBinaryLabel(int k, LabelErrorOptions options) =>
        k == 2 && options.Trainer is LabelErrorTrainer.LightGbm or LabelErrorTrainer.FastTree or LabelErrorTrainer.LbfgsLogisticRegression;

    private static string[] Names(IReadOnlyList<FeatureColumn> features, ColumnKind kind) =>
        [.. features.Select((f, i) => (f, i)).Where(p => p.f.Kind == kind).Select(p => Feature(p.i))];

    // Internal names, so that a data column called Label or Features cannot clash.
    private static string Feature(int i) => "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ColumnarDataView View(IReadOnlyList<FeatureColumn> features, LabelClasses labels, int[] rows, int k, LabelErrorOptions options)
    {
        var columns = new List<InputColumnValues>();
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            columns.Add(feature.Numbers is { } numbers
                ? InputColumnValues.Scalar(Feature(i), NumberDataViewType.Single, rows.Select(r => (float)numbers[r]).ToArray())
                : InputColumnValues.Scalar(Feature(i), TextDataViewType.Instance, rows.Select(r => (feature.Categories![r] ?? string.Empty).AsMemory()).ToArray()));
        }

        // The binary trainers read a boolean label (true for the second class); the multiclass ones a key 1..K.
        columns.Add(UsesBinaryLabel(k, options)
            ? InputColumnValues.Scalar(LabelName, BooleanDataViewType.Instance, rows.Select(r => labels.Indices[r] == 1).ToArray())
            : InputColumnValues.Scalar(LabelName, new KeyDataViewType(typeof(uint), k), rows.Select(r => (uint)(labels.Indices[r] + 1)).ToArray()));
        return new ColumnarDataView(columns, rows.Length);
    }

    private static void Collect(IDataView scored, int[] rows, int k, double[,] probabilities)
    {
        if (scored.Schema.GetColumnOrNull("Probability") is not null)
        {
            var p = scored.GetColumn<float>("Probability").ToArray();
            for (var i = 0; i < rows.Length; i++)
            {
                probabilities[rows[i], 1] = p[i];
                probabilities[rows[i], 0] = 1.0 - p[i];
            }

            return;
        }

        var scores = scored.GetColumn<VBuffer<float>>("Score").ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            var dense = scores[i].DenseValues().ToArray();
            for (var c = 0; c < k; c++)
            {
                probabilities[rows[i], c] = dense[c];
            }
        }
    }
}
