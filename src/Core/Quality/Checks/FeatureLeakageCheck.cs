using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Statistics;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>featureLeakage</c> (MG2107): a single feature that predicts a binary label too well, the mark of an identifier or
/// a time column that encodes the outcome. The score is a seeded K-fold (default 5) cross-validated AUC of a
/// one-feature model: a number column is cut into 20 quantile bins, a text column keeps its values; the model predicts
/// each bin's or value's positive rate in the other folds (smoothed toward the overall rate by one row, unseen values
/// get the overall rate), and the AUC (ties half) is averaged over the folds, taking the better of both directions.
/// </summary>
internal sealed class FeatureLeakageCheck : IQualityCheck
{
    private const int Bins = 20;

    /// <inheritdoc />
    public string Id => "featureLeakage";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.FeatureLeakage;

    /// <inheritdoc />
    public double? DefaultThreshold => 0.95;

    /// <inheritdoc />
    public bool Applies(QualityContext context) =>
        context.Data.Label is not null && context.Data.Rows >= 2L * context.Options.Folds && context.Hashes.Labels!.Where(l => l is not null).Distinct(StringComparer.Ordinal).Count() == 2;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var data = context.Data;
        var labels = context.Hashes.Labels!;
        var classes = labels.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var folds = Folds(labels.Length, context.Options.Folds, context.Options.Seed);
        var kinds = ColumnValues.Kinds(data);
        var maxAuc = settings.Threshold ?? DefaultThreshold!.Value;
        foreach (var feature in data.Features)
        {
            var codes = Codes(data, feature, kinds[feature].Numbers > kinds[feature].Texts);
            var auc = CrossValidatedAuc(codes, labels, classes[1], folds, context.Options.Folds);
            if (auc > maxAuc)
            {
                // A column finding: every row carries the leak, and the AUC is the measure.
                yield return new CheckFinding(context.Finding(this, settings, feature, data.Rows, [])) { Measured = auc, Bound = maxAuc };
            }
        }
    }

    /// <summary>The fold of each row: a seeded shuffle dealt round-robin, so folds differ in size by at most one.</summary>
    internal static int[] Folds(int rows, int k, ulong seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        var random = new SeededRandom(seed);
        for (var i = rows - 1; i > 0; i--)
        {
            var j = (int)random.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var folds = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            folds[order[i]] = i % k;
        }

        return folds;
    }

    /// <summary>The AUC of <paramref name="scores"/> for <paramref name="positive"/> (ties count half), the better of both directions; NaN with one class.</summary>
    internal static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0, positives = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                j++;
            }

            var rank = (i + j + 1) / 2.0;
            for (var t = i; t < j; t++)
            {
                if (positive[order[t]])
                {
                    rankSum += rank;
                    positives++;
                }
            }

            i = j;
        }

        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var auc = (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
        return Math.Max(auc, 1 - auc);
    }

    private static int[] Codes(QualityTable data, string feature, bool numeric)
    {
        var column = SqlText.Identifier(feature);
        var code = numeric
            ? $"CASE WHEN TRY_CAST({QualityTable.Text(feature)} AS DOUBLE) IS NULL THEN 0 ELSE ntile({Bins}) OVER (PARTITION BY TRY_CAST({QualityTable.Text(feature)} AS DOUBLE) IS NULL ORDER BY TRY_CAST({QualityTable.Text(feature)} AS DOUBLE)) END"
            : $"CASE WHEN {column} IS NULL THEN 0 ELSE dense_rank() OVER (PARTITION BY {column} IS NULL ORDER BY {QualityTable.Text(feature)}) END";
        var codes = new int[data.Rows];
        data.Engine.Query($"SELECT rowid, {code} FROM {data.Table}", r => codes[SqlValue.ToInt64(r.GetValue(0))] = (int)SqlValue.ToInt64(r.GetValue(1)));
        return codes;
    }

    private static double CrossValidatedAuc(int[] codes, string?[] labels, string positiveClass, int[] folds, int k)
    {
        var positive = labels.Select(l => string.Equals(l, positiveClass, StringComparison.Ordinal)).ToArray();
        var known = labels.Select(l => l is not null).ToArray();
        var total = 0.0;
        var counted = 0;
        for (var f = 0; f < k; f++)
        {
            var rate = new Dictionary<int, (double Positive, double Rows)>();
            double trainPositive = 0, trainRows = 0;
            for (var i = 0; i < codes.Length; i++)
            {
                if (folds[i] != f && known[i])
                {
                    rate.TryGetValue(codes[i], out var r);
                    rate[codes[i]] = (r.Positive + (positive[i] ? 1 : 0), r.Rows + 1);
                    trainPositive += positive[i] ? 1 : 0;
                    trainRows++;
                }
            }

            var prior = trainPositive / trainRows;
            var scores = new List<double>();
            var truth = new List<bool>();
            for (var i = 0; i < codes.Length; i++)
            {
                if (folds[i] == f && known[i])
                {
                    scores.Add(rate.TryGetValue(codes[i], out var r) ? (r.Positive + prior) / (r.Rows + 1) : prior);
                    truth.Add(positive[i]);
                }
            }

            var auc = Auc(scores, truth);
            if (!double.IsNaN(auc))
            {
                total += auc;
                counted++;
            }
        }

        return counted == 0 ? double.NaN : total / counted;
    }
}
