namespace ModelGates.Models.Metrics;

/// <summary>
/// A multiclass prediction set with one weight per row (sample weight times resample count), and
/// the weighted confusion matrix built from it on first use, which the accuracy, F1 and recall
/// metrics of one evaluation share.
/// </summary>
internal sealed class WeightedMulticlassRows
{
    private readonly double[]? weights;
    private double[]? confusion;
    private double totalWeight = double.NaN;

    /// <param name="cache">The prediction set's cached per-row quantities.</param>
    /// <param name="weights">One weight per row, or null when every row weighs 1.</param>
    public WeightedMulticlassRows(MulticlassRowCache cache, double[]? weights)
    {
        Cache = cache;
        this.weights = weights;
    }

    public MulticlassRowCache Cache { get; }

    public int ClassCount => Cache.Predictions.ClassCount;

    public int RowCount => Cache.Predictions.Count;

    /// <summary>The weight of one row.</summary>
    public double WeightOf(int row) => weights is null ? 1.0 : weights[row];

    /// <summary>The total weight of all rows.</summary>
    public double TotalWeight
    {
        get
        {
            if (double.IsNaN(totalWeight))
            {
                totalWeight = weights is null ? RowCount : weights.Sum();
            }

            return totalWeight;
        }
    }

    /// <summary>The weighted mean of a per-row quantity: Σ wᵢ xᵢ / Σ wᵢ, as numpy's <c>average</c>.</summary>
    public double WeightedMean(double[] perRow)
    {
        double sum = 0;
        for (var i = 0; i < perRow.Length; i++)
        {
            sum += WeightOf(i) * perRow[i];
        }

        return sum / TotalWeight;
    }

    /// <summary>The weighted share of rows where <paramref name="perRow"/> is true.</summary>
    public double WeightedShare(bool[] perRow)
    {
        double sum = 0;
        for (var i = 0; i < perRow.Length; i++)
        {
            if (perRow[i])
            {
                sum += WeightOf(i);
            }
        }

        return sum / TotalWeight;
    }

    /// <summary>The weighted confusion matrix, row-major: entry [t × K + p] is the weight of rows of true class t predicted p.</summary>
    public double[] Confusion => confusion ??= BuildConfusion();

    /// <summary>The weight of rows whose true class is <paramref name="c"/>.</summary>
    public double TrueWeight(int c)
    {
        var k = ClassCount;
        double sum = 0;
        for (var p = 0; p < k; p++)
        {
            sum += Confusion[(c * k) + p];
        }

        return sum;
    }

    /// <summary>The weight of rows predicted as class <paramref name="c"/>.</summary>
    public double PredictedWeight(int c)
    {
        var k = ClassCount;
        double sum = 0;
        for (var t = 0; t < k; t++)
        {
            sum += Confusion[(t * k) + c];
        }

        return sum;
    }

    private double[] BuildConfusion()
    {
        var k = ClassCount;
        var matrix = new double[k * k];
        var labels = Cache.Predictions.Labels;
        var predicted = Cache.Predictions.PredictedClasses;
        for (var i = 0; i < labels.Length; i++)
        {
            matrix[(labels[i] * k) + predicted[i]] += WeightOf(i);
        }

        return matrix;
    }
}
