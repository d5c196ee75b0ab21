namespace ModelGates.Models.Metrics;

/// <summary>
/// The weight of positive and negative rows at each distinct score (highest score first): the
/// sufficient statistic of every binary metric. One table per evaluation; a bootstrap worker
/// refills the same table for each of its resamples.
/// </summary>
internal sealed class BinaryScoreTable
{
    // One reference, replaced whole: the point table of a prediction set can be read by several
    // threads at once, and a threshold paired with another threshold's counts would be wrong.
    private ThresholdConfusion? lastConfusion;

    public BinaryScoreTable(BinaryScoreOrder order)
    {
        Order = order;
        PositiveWeight = new double[order.BlockCount];
        NegativeWeight = new double[order.BlockCount];
    }

    /// <summary>The sorted rows this table tabulates.</summary>
    public BinaryScoreOrder Order { get; }

    /// <summary>The distinct scores, highest first.</summary>
    public double[] Scores => Order.BlockScores;

    /// <summary>The weight of label-1 rows at each score.</summary>
    public double[] PositiveWeight { get; }

    /// <summary>The weight of label-0 rows at each score.</summary>
    public double[] NegativeWeight { get; }

    /// <summary>The weight of all label-1 rows.</summary>
    public double TotalPositive { get; private set; }

    /// <summary>The weight of all label-0 rows.</summary>
    public double TotalNegative { get; private set; }

    /// <summary>The weight of all rows.</summary>
    public double Total => TotalPositive + TotalNegative;

    /// <summary>Records the totals after the per-score weights were (re)filled; forgets cached confusions.</summary>
    public void SetTotals(double totalPositive, double totalNegative)
    {
        TotalPositive = totalPositive;
        TotalNegative = totalNegative;
        lastConfusion = null;
    }

    /// <summary>
    /// The weighted confusion matrix when rows scoring at or above <paramref name="threshold"/> are
    /// predicted positive. Remembered for the last threshold, as the thresholded metrics of one
    /// evaluation all ask for the same one.
    /// </summary>
    public BinaryConfusion ConfusionAt(double threshold)
    {
        var last = lastConfusion;
        if (last is not null && last.Threshold.Equals(threshold))
        {
            return last.Confusion;
        }

        var predictedPositiveBlocks = Order.BlocksAtOrAbove(threshold);
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (var b = 0; b < predictedPositiveBlocks; b++)
        {
            tp += PositiveWeight[b];
            fp += NegativeWeight[b];
        }

        for (var b = predictedPositiveBlocks; b < PositiveWeight.Length; b++)
        {
            fn += PositiveWeight[b];
            tn += NegativeWeight[b];
        }

        var confusion = new BinaryConfusion(tp, fp, tn, fn);
        lastConfusion = new ThresholdConfusion(threshold, confusion);
        return confusion;
    }

    private sealed record ThresholdConfusion(double Threshold, BinaryConfusion Confusion);
}
