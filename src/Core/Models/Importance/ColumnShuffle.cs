using ModelGates.Statistics;

namespace ModelGates.Models.Importance;

/// <summary>The seeded shuffles of permutation importance: one Fisher–Yates order per column and repeat, and the row resamples of the intervals.</summary>
internal static class ColumnShuffle
{
    /// <summary>
    /// The order of shuffle <paramref name="repeat"/> of column <paramref name="column"/>: a uniform permutation of
    /// 0..rows−1 from its own stream, so a column's shuffles do not depend on which other columns the model reads.
    /// </summary>
    public static int[] Order(ulong seed, string column, int repeat, int rows)
    {
        var random = new SeededRandom(Mix(seed, column, repeat));
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        for (var i = rows - 1; i > 0; i--)
        {
            var j = (int)random.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>
    /// <paramref name="count"/> resamples of <paramref name="rows"/> rows drawn with replacement, from the seed's own
    /// stream, each as how many times every row was drawn (the form the metrics weigh rows by).
    /// </summary>
    public static int[][] Resamples(ulong seed, int count, int rows)
    {
        var random = new SeededRandom(Mix(seed, "\u0000resamples", 0));
        var resamples = new int[count][];
        for (var b = 0; b < count; b++)
        {
            var counts = new int[rows];
            for (var i = 0; i < rows; i++)
            {
                counts[(int)random.NextInt64(rows)]++;
            }

            resamples[b] = counts;
        }

        return resamples;
    }

    /// <summary>A 64-bit stream seed from the run's seed, a column name and a repeat (FNV-1a over the UTF-16 name, then splitmix64).</summary>
    private static ulong Mix(ulong seed, string column, int repeat)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in column)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var z = seed ^ hash ^ ((ulong)(uint)repeat * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
