using System.Runtime.CompilerServices;

namespace ModelGates.Statistics;

/// <summary>
/// Sums of millions of doubles that are both fast and accurate: within a block of 1,024 values four
/// independent running sums (no dependent chain, so the processor overlaps the additions), and the block
/// totals added with Neumaier's compensation. The error is that of about 256 roundings whatever the length;
/// the order of operations is fixed, so the result is the same on every machine.
/// </summary>
internal static class BlockedSums
{
    private const int BlockLength = 1024;

    /// <summary>The sum of <paramref name="values"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(ReadOnlySpan<double> values)
    {
        var total = new CompensatedSum();
        for (var start = 0; start < values.Length; start += BlockLength)
        {
            var block = values.Slice(start, Math.Min(BlockLength, values.Length - start));
            double a = 0, b = 0, c = 0, d = 0;
            var i = 0;
            for (; i + 4 <= block.Length; i += 4)
            {
                a += block[i];
                b += block[i + 1];
                c += block[i + 2];
                d += block[i + 3];
            }

            for (; i < block.Length; i++)
            {
                a += block[i];
            }

            total.Add((a + b) + (c + d));
        }

        return total.Value;
    }

    /// <summary>The sums of <c>x − center</c> and of <c>(x − center)²</c> over <paramref name="values"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Deviations, double Squares) DeviationSums(ReadOnlySpan<double> values, double center)
    {
        var deviations = new CompensatedSum();
        var squares = new CompensatedSum();
        for (var start = 0; start < values.Length; start += BlockLength)
        {
            var block = values.Slice(start, Math.Min(BlockLength, values.Length - start));
            double a = 0, b = 0, qa = 0, qb = 0;
            var i = 0;
            for (; i + 2 <= block.Length; i += 2)
            {
                var x = block[i] - center;
                var y = block[i + 1] - center;
                a += x;
                b += y;
                qa += x * x;
                qb += y * y;
            }

            for (; i < block.Length; i++)
            {
                var x = block[i] - center;
                a += x;
                qa += x * x;
            }

            deviations.Add(a + b);
            squares.Add(qa + qb);
        }

        return (deviations.Value, squares.Value);
    }
}
