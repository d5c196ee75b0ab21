using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace ModelGates.Drift.Multivariate;

/// <summary>
/// The domain classifier: a LightGBM model (through ML.NET, one thread, fixed seed) that tells the current sample's
/// rows from the reference sample's. Scored out of fold over <see cref="Folds"/> seeded stratified folds, so every row
/// is scored by a model that never saw it; an AUC near 0.5 means the rows cannot be told apart. The columns that
/// separate most are those whose features carry the largest share of the models' split gain, summed over the folds.
/// </summary>
internal static class DomainClassifier
{
    /// <summary>The number of cross-validation folds: each fit costs the same whatever its rows, and three score every row as five do.</summary>
    public const int Folds = 3;

    /// <summary>Out-of-fold scores of every row (reference rows first, then current), and each column's share of the gain.</summary>
    public static DomainClassifierFit Fit(EncodedFeatures features, int seed)
    {
        var n = features.ReferenceRows + features.CurrentRows;
        var labels = new int[n];
        for (var i = features.ReferenceRows; i < n; i++)
        {
            labels[i] = 1;
        }

        var folds = Quality.LabelErrors.StratifiedFolds.Assign(labels, 2, Folds, seed);
        var scores = new double[n];
        var gain = new double[features.Columns.Count];
        for (var f = 0; f < Folds; f++)
        {
            var train = Enumerable.Range(0, n).Where(i => folds[i] != f).ToArray();
            var test = Enumerable.Range(0, n).Where(i => folds[i] == f).ToArray();
            var ml = new MLContext(seed);
            var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                // Small, shallow and fixed: enough to find a changed joint distribution, cheap on 20,000 rows.
                NumberOfIterations = 50,
                NumberOfLeaves = 15,
                MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.1,
                NumberOfThreads = 1,
                Seed = seed,
                Silent = true,
            });
            var model = trainer.Fit(View(ml, features, labels, train));
            var scored = model.Transform(View(ml, features, labels, test)).GetColumn<float>("Score").ToArray();
            for (var i = 0; i < test.Length; i++)
            {
                scores[test[i]] = scored[i];
            }

            var weights = default(VBuffer<float>);
            model.Model.SubModel.GetFeatureWeights(ref weights);
            var dense = weights.DenseValues().ToArray();
            for (var j = 0; j < dense.Length && j < features.Count; j++)
            {
                gain[features.Source[j]] += dense[j];
            }
        }

        var total = gain.Sum();
        return new DomainClassifierFit(scores, labels.Select(l => l == 1).ToArray(), total > 0 ? [.. gain.Select(g => g / total)] : gain);
    }

    private static IDataView View(MLContext ml, EncodedFeatures features, int[] labels, int[] rows)
    {
        var data = new Row[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var i = rows[r];
            var (side, index) = i < features.ReferenceRows ? (features.Reference, i) : (features.Current, i - features.ReferenceRows);
            var x = new float[features.Count];
            for (var j = 0; j < x.Length; j++)
            {
                x[j] = (float)side[j][index];
            }

            data[r] = new Row { Features = x, Label = labels[i] == 1 };
        }

        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        return ml.Data.LoadFromEnumerable(data, schema);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}

/// <summary>What the domain classifier found.</summary>
/// <param name="Scores">Each row's out-of-fold score (reference rows first).</param>
/// <param name="IsCurrent">Each row's side: true for the current sample.</param>
/// <param name="ColumnGain">Each encoded column's share of the split gain (adds up to 1, or all 0 when no split was made).</param>
internal sealed record DomainClassifierFit(double[] Scores, bool[] IsCurrent, double[] ColumnGain);
