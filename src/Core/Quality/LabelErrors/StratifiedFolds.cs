using ModelGates.Statistics;

namespace ModelGates.Quality.LabelErrors;

/// <summary>Seeded stratified K-fold assignment: each class's rows shuffled and dealt to the folds in turn.</summary>
internal static class StratifiedFolds
{
    /// <summary>The fold (0 to K-1) of each row; every fold holds each class's rows within one of an even share.</summary>
    public static int[] Assign(IReadOnlyList<int> labels, int classes, int folds, int seed)
    {
        var random = new SeededRandom(unchecked((ulong)seed));
        var fold = new int[labels.Count];

        // Dealing continues across classes, so small classes do not all start at fold 0.
        var next = 0;
        for (var c = 0; c < classes; c++)
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray();
            for (var i = rows.Length - 1; i > 0; i--)
            {
                var j = (int)random.NextInt64(i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }

            foreach (var row in rows)
            {
                fold[row] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }
}
