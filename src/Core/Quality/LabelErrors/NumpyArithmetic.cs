namespace ModelGates.Quality.LabelErrors;

/// <summary>
/// The few pieces of NumPy arithmetic that confident learning's counts depend on, so that thresholds and the
/// rounded confident joint equal cleanlab's to the last bit: NumPy's pairwise summation (<c>np.sum</c>, <c>np.mean</c>)
/// and a stable argsort.
/// </summary>
internal static class NumpyArithmetic
{
    // NumPy's pairwise summation block (PW_BLOCKSIZE in loops_utils.h).
    private const int BlockSize = 128;

    /// <summary>The sum NumPy's <c>np.sum</c> returns for a contiguous float64 array.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < 8)
        {
            var sum = 0.0;
            foreach (var value in values)
            {
                sum += value;
            }

            return sum;
        }

        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            var i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    r[j] += values[i + j];
                }
            }

            var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
            {
                result += values[i];
            }

            return result;
        }

        var half = n / 2;
        half -= half % 8;
        return Sum(values[..half]) + Sum(values[half..]);
    }

    /// <summary>The indices that sort <paramref name="keys"/> ascending; ties keep their order (NumPy's <c>kind="stable"</c>).</summary>
    public static int[] StableArgsort(IReadOnlyList<double> keys)
    {
        var order = Enumerable.Range(0, keys.Count).ToArray();

        // OrderBy is a stable sort; the comparison treats NaN as smallest, which confident learning never feeds it.
        return [.. order.OrderBy(i => keys[i])];
    }

    /// <summary>The first index of the largest value of a row (NumPy's <c>argmax</c>).</summary>
    public static int ArgMax(ReadOnlySpan<double> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>
    /// Rounds each value to an integer (half to even, as NumPy) and moves the fewest values up or down so that the
    /// integers sum to the rounded sum of the values (cleanlab's <c>round_preserving_sum</c>).
    /// </summary>
    public static long[] RoundPreservingSum(ReadOnlySpan<double> values)
    {
        var floats = values.ToArray();
        var ints = floats.Select(f => Math.Round(f, MidpointRounding.ToEven)).ToArray();
        var originalSum = Math.Round(Sum(floats), MidpointRounding.ToEven);
        var intSum = Math.Round(Sum(ints), MidpointRounding.ToEven);
        while (Math.Abs(intSum - originalSum) > ConfidentLearning.FloatingPointComparison)
        {
            var diff = Math.Round(originalSum - intSum, MidpointRounding.ToEven);
            var increment = diff < 0.0 ? -1 : 1;
            var changes = (int)Math.Min(Math.Abs(diff), floats.Length);
            var order = StableArgsort([.. floats.Select((f, i) => f - ints[i])]);

            // cleanlab takes the largest fractions to round up and the smallest to round down.
            var chosen = increment == 1 ? order.Reverse().Take(changes) : order.Take(changes);
            foreach (var i in chosen)
            {
                ints[i] += increment;
            }

            intSum = Math.Round(Sum(ints), MidpointRounding.ToEven);
        }

        return [.. ints.Select(i => (long)i)];
    }
}
