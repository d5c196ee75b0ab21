using System.Runtime.CompilerServices;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>
/// The rows of a binary prediction set sorted by score once, highest first, and grouped into blocks
/// of equal score. Every binary metric is a function of the weight of each class per distinct
/// score, so a bootstrap resample only re-tabulates those weights in one pass over this order
/// instead of sorting again.
/// </summary>
internal sealed class BinaryScoreOrder
{
    private static readonly ConditionalWeakTable<BinaryPredictions, BinaryScoreOrder> Orders = new();

    private readonly BinaryPredictions predictions;
    private readonly int[] rowsByScore;
    private readonly byte[] labelsByScore;
    private readonly int[] blockStarts;
    private readonly Lazy<BinaryScoreTable> pointTable;
    private readonly Lazy<BinaryLogLossTerms> logLossTerms;

    private BinaryScoreOrder(BinaryPredictions predictions)
    {
        this.predictions = predictions;
        var n = predictions.Count;
        var keys = predictions.Scores.ToArray();
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        // Order within a block of equal scores does not change any metric, so an unstable sort is fine.
        Array.Sort(keys, rows);
        Array.Reverse(keys);
        Array.Reverse(rows);

        var labels = new byte[n];
        var starts = new List<int>();
        var scores = new List<double>();
        var source = predictions.Labels;
        for (var i = 0; i < n; i++)
        {
            labels[i] = (byte)source[rows[i]];

            // != treats -0.0 and 0.0 as one score, as numpy's diff does in scikit-learn's curve code.
            if (i == 0 || keys[i] != keys[i - 1])
            {
                starts.Add(i);
                scores.Add(keys[i]);
            }
        }

        starts.Add(n);
        rowsByScore = rows;
        labelsByScore = labels;
        blockStarts = [.. starts];
        BlockScores = [.. scores];
        pointTable = new Lazy<BinaryScoreTable>(() =>
        {
            var table = new BinaryScoreTable(this);
            Tabulate([], table);
            return table;
        });
        logLossTerms = new Lazy<BinaryLogLossTerms>(() => BinaryLogLossTerms.For(BlockScores));
    }

    /// <summary>The distinct scores, highest first.</summary>
    public double[] BlockScores { get; }

    /// <summary>The number of distinct scores.</summary>
    public int BlockCount => BlockScores.Length;

    /// <summary>The number of rows.</summary>
    public int RowCount => rowsByScore.Length;

    /// <summary>Whether the scores are probabilities (log loss and Brier score need them).</summary>
    public BinaryScoreKind ScoreKind => predictions.ScoreKind;

    /// <summary>The table of the prediction set itself (its own weights, no resampling).</summary>
    public BinaryScoreTable PointTable => pointTable.Value;

    /// <summary>Each distinct score's clipped log loss for either label, computed once.</summary>
    public BinaryLogLossTerms LogLossTerms => logLossTerms.Value;

    /// <summary>The shared order of a prediction set (built on first use, then cached with it).</summary>
    public static BinaryScoreOrder Of(BinaryPredictions predictions) =>
        Orders.GetValue(predictions, p => new BinaryScoreOrder(p));

    /// <summary>The number of leading blocks whose score is at or above <paramref name="threshold"/>.</summary>
    public int BlocksAtOrAbove(double threshold)
    {
        // BlockScores descend: find the first block below the threshold.
        int low = 0, high = BlockScores.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (BlockScores[mid] >= threshold)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>
    /// Fills <paramref name="table"/> with each block's positive and negative weight: the row's
    /// sample weight (1 without weights) times its resample count (1 when <paramref name="counts"/>
    /// is empty). <paramref name="counts"/> is indexed by original row.
    /// </summary>
    public void Tabulate(ReadOnlySpan<int> counts, BinaryScoreTable table)
    {
        var weights = predictions.Weights;
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double totalPositive = 0, totalNegative = 0;
        for (var b = 0; b < BlockScores.Length; b++)
        {
            double pos = 0, neg = 0;
            var end = blockStarts[b + 1];
            for (var i = blockStarts[b]; i < end; i++)
            {
                var row = rowsByScore[i];
                var w = counts.IsEmpty ? 1.0 : counts[row];
                if (!weights.IsEmpty)
                {
                    w *= weights[row];
                }

                if (labelsByScore[i] != 0)
                {
                    pos += w;
                }
                else
                {
                    neg += w;
                }
            }

            positive[b] = pos;
            negative[b] = neg;
            totalPositive += pos;
            totalNegative += neg;
        }

        table.SetTotals(totalPositive, totalNegative);
    }
}
