using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace ModelGates.Monitoring.Estimation;

/// <summary>
/// A nanny model of DLE: LightGBM regression (through ML.NET) from a row's features and the monitored model's
/// prediction to that row's loss. Single-threaded with a fixed seed, so the same reference gives the same model;
/// NaN features are LightGBM's missing values.
/// </summary>
internal sealed class LossModel
{
    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly int _featureCount;

    private LossModel(MLContext context, ITransformer model, int featureCount)
    {
        _context = context;
        _model = model;
        _featureCount = featureCount;
    }

    /// <summary>Fits the loss model; <paramref name="features"/> holds one row per loss (the prediction included).</summary>
    public static LossModel Fit(float[][] features, float[] losses, int seed)
    {
        var context = new MLContext(seed);
        var featureCount = features[0].Length;
        var data = Load(context, features, losses, featureCount);
        var trainer = context.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            // LightGBM's and NannyML's defaults, spelt out so that a library upgrade cannot move them.
            NumberOfIterations = 100,
            NumberOfLeaves = 31,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = seed,
            Silent = true,
        });
        return new LossModel(context, trainer.Fit(data), featureCount);
    }

    /// <summary>The predicted loss of each row, never below 0 (a regression tree may undershoot a loss of 0).</summary>
    public double[] Predict(float[][] features)
    {
        var data = Load(_context, features, new float[features.Length], _featureCount);
        var scores = _model.Transform(data).GetColumn<float>("Score").ToArray();
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = Math.Max(0, scores[i]);
        }

        return result;
    }

    private static IDataView Load(MLContext context, float[][] features, float[] losses, int featureCount)
    {
        var rows = new LossRow[features.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new LossRow { Features = features[i], Label = losses[i] };
        }

        var schema = SchemaDefinition.Create(typeof(LossRow));
        schema[nameof(LossRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return context.Data.LoadFromEnumerable(rows, schema);
    }

    private sealed class LossRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
