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
    private readonly Lazy<double[]> logits;
    private readonly Lazy<((double A, double B)? Slope, double? Intercept)> pointRecalibration;

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
        logits = new Lazy<double[]>(() => LogisticRecalibration.Logits(BlockScores));
        pointRecalibration = new Lazy<((double A, double B)? Slope, double? Intercept)>(() => LogisticRecalibration.PointFits(PointTable));
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

    /// <summary>Each distinct probability's clipped logit, computed once for the recalibration fits.</summary>
    public double[] Logits => logits.Value;

    /// <summary>The recalibration fits of the whole set, where each resample's fits start.</summary>
    public ((double A, double B)? Slope, double? Intercept) PointRecalibration => pointRecalibration.Value;

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
        if (counts.IsEmpty)
        {
            if (weights.IsEmpty)
            {
                Tabulate(new UnitWeight(), table);
            }
            else
            {
                Tabulate(new SampleWeight(weights), table);
            }
        }
        else if (weights.IsEmpty)
        {
            Tabulate(new CountWeight(counts), table);
        }
        else
        {
            Tabulate(new CountTimesSampleWeight(counts, weights), table);
        }
    }

    // Generic over a struct so the JIT compiles one tight loop per weighting, with no per-row
    // checks for "are there counts / weights"; the label enters arithmetically because a branch on
    // it is mispredicted on every other row of real data.
    private void Tabulate<TWeight>(TWeight weight, BinaryScoreTable table)
        where TWeight : IRowWeight, allows ref struct
    {
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        var rows = rowsByScore;
        var labels = labelsByScore;
        double totalPositive = 0, totalNegative = 0;
        var start = 0;
        for (var b = 0; b < positive.Length; b++)
        {
            double all = 0, pos = 0;
            var end = blockStarts[b + 1];
            for (var i = start; i < end; i++)
            {
                var w = weight.Of(rows[i]);
                all += w;
                pos += w * labels[i];
            }

            positive[b] = pos;
            negative[b] = all - pos;
            totalPositive += pos;
            totalNegative += all - pos;
            start = end;
        }

        table.SetTotals(totalPositive, totalNegative);
    }

    private interface IRowWeight
    {
        double Of(int row);
    }

    private readonly struct UnitWeight : IRowWeight
    {
        public double Of(int row) => 1.0;
    }

    private readonly ref struct SampleWeight(ReadOnlySpan<double> weights) : IRowWeight
    {
        private readonly ReadOnlySpan<double> weights = weights;

        public double Of(int row) => weights[row];
    }

    private readonly ref struct CountWeight(ReadOnlySpan<int> counts) : IRowWeight
    {
        private readonly ReadOnlySpan<int> counts = counts;

        public double Of(int row) => counts[row];
    }

    private readonly ref struct CountTimesSampleWeight(ReadOnlySpan<int> counts, ReadOnlySpan<double> weights) : IRowWeight
    {
        private readonly ReadOnlySpan<int> counts = counts;
        private readonly ReadOnlySpan<double> weights = weights;

        public double Of(int row) => counts[row] * weights[row];
    }
}
