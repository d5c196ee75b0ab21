using System.Globalization;

namespace ModelGates.Drift.Multivariate;

/// <summary>
/// The domain classifier: a LightGBM model (LightGBM's own library, one thread, fixed seed) that tells the current
/// sample's rows from the reference sample's. Scored out of fold over <see cref="Folds"/> seeded stratified folds, so
/// every row is scored by a model that never saw it; an AUC near 0.5 means the rows cannot be told apart. The columns
/// that separate most are those whose features carry the largest share of the models' split gain, summed over the folds.
/// </summary>
internal static class DomainClassifier
{
    /// <summary>The number of cross-validation folds: each fit costs the same whatever its rows, and three score every row as five do.</summary>
    public const int Folds = 3;

    /// <summary>Boosting rounds per fold.</summary>
    public const int Iterations = 50;

    /// <summary>Out-of-fold scores of every row (reference rows first, then current), and each column's share of the gain.</summary>
    /// <exception cref="LightGbmException">LightGBM reported an error.</exception>
    /// <exception cref="DllNotFoundException">LightGBM's library is not deployed for this platform.</exception>
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

        // Small, shallow and fixed: enough to find a changed joint distribution, cheap on 20,000 rows. Every row is
        // used for the bins (LightGBM samples 200,000), and row-wise histograms are forced so that LightGBM does not
        // time both layouts before the first round.
        var datasetParameters = string.Create(CultureInfo.InvariantCulture, $"max_bin=255 verbose=-1 num_threads=1 data_random_seed={seed}");
        var boosterParameters = string.Create(
            CultureInfo.InvariantCulture,
            $"objective=binary num_leaves=15 min_data_in_leaf=20 learning_rate=0.1 num_threads=1 seed={seed} deterministic=true force_row_wise=true verbose=-1");
        for (var f = 0; f < Folds; f++)
        {
            var train = Enumerable.Range(0, n).Where(i => folds[i] != f).ToArray();
            var test = Enumerable.Range(0, n).Where(i => folds[i] == f).ToArray();
            using var booster = LightGbmNative.Train(Rows(features, train), features.Count, [.. train.Select(i => (float)labels[i])], datasetParameters, boosterParameters, Iterations);
            var scored = booster.Predict(Rows(features, test), "num_threads=1");
            for (var i = 0; i < test.Length; i++)
            {
                scores[test[i]] = scored[i];
            }

            var featureGain = booster.Gain();
            for (var j = 0; j < features.Count; j++)
            {
                gain[features.Source[j]] += featureGain[j];
            }
        }

        var total = gain.Sum();
        return new DomainClassifierFit(scores, labels.Select(l => l == 1).ToArray(), total > 0 ? [.. gain.Select(g => g / total)] : gain);
    }

    /// <summary>The rows <paramref name="rows"/> (reference rows first, then current) as one row-major matrix.</summary>
    private static double[] Rows(EncodedFeatures features, int[] rows)
    {
        var p = features.Count;
        var data = new double[rows.Length * p];
        for (var r = 0; r < rows.Length; r++)
        {
            var i = rows[r];
            var (side, index) = i < features.ReferenceRows ? (features.Reference, i) : (features.Current, i - features.ReferenceRows);
            for (var j = 0; j < p; j++)
            {
                data[(r * p) + j] = side[j][index];
            }
        }

        return data;
    }
}

/// <summary>What the domain classifier found.</summary>
/// <param name="Scores">Each row's out-of-fold score (the model's log-odds; reference rows first).</param>
/// <param name="IsCurrent">Each row's side: true for the current sample.</param>
/// <param name="ColumnGain">Each encoded column's share of the split gain (adds up to 1, or all 0 when no split was made).</param>
internal sealed record DomainClassifierFit(double[] Scores, bool[] IsCurrent, double[] ColumnGain);
