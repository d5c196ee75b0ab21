using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>
/// The rows of a multiclass prediction set sorted once by one class's probability, highest first, in blocks of equal
/// probability: the one-vs-rest ranking of that class. A bootstrap resample re-weighs the rows along this order
/// instead of sorting again.
/// </summary>
internal sealed class ClassScoreOrder
{
    private ClassScoreOrder(int[] rowsByScore, int[] blockStarts)
    {
        RowsByScore = rowsByScore;
        BlockStarts = blockStarts;
    }

    /// <summary>The rows, highest probability of the class first.</summary>
    public int[] RowsByScore { get; }

    /// <summary>Where each block of equal probability starts in <see cref="RowsByScore"/>, then the row count.</summary>
    public int[] BlockStarts { get; }

    /// <summary>The order of each class's probability, by class index.</summary>
    public static ClassScoreOrder[] For(MulticlassPredictions predictions)
    {
        var k = predictions.ClassCount;
        var n = predictions.Count;
        var orders = new ClassScoreOrder[k];
        for (var c = 0; c < k; c++)
        {
            var keys = new double[n];
            var rows = new int[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = predictions.Probabilities[(i * k) + c];
                rows[i] = i;
            }

            // Order within a block of equal probability does not change the area, so an unstable sort is fine.
            Array.Sort(keys, rows);
            Array.Reverse(keys);
            Array.Reverse(rows);
            var starts = new List<int>();
            for (var i = 0; i < n; i++)
            {
                if (i == 0 || keys[i] != keys[i - 1])
                {
                    starts.Add(i);
                }
            }

            starts.Add(n);
            orders[c] = new ClassScoreOrder(rows, [.. starts]);
        }

        return orders;
    }
}
