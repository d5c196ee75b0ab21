using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelGates.Statistics;

/// <summary>
/// Sorts finite doubles ascending with an LSD radix sort on their IEEE bits (six passes of 11 bits,
/// skipping passes in which every value shares the digit), in place with one pooled buffer. Measured on
/// the million-row columns drift reads, scanning a column out of DuckDB and sorting it here costs less
/// than half of an ORDER BY and its fetch. Ties keep no particular order, which sorted values do not
/// need; −0 sorts before +0, and the two compare equal.
/// </summary>
internal static class DoubleRadixSort
{
    private const int Bits = 11;
    private const int Passes = (64 + Bits - 1) / Bits;
    private const int Buckets = 1 << Bits;
    private const ulong Mask = Buckets - 1;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(Span<double> values)
    {
        var n = values.Length;
        if (n < 256)
        {
            values.Sort();
            return;
        }

        // The doubles' own memory holds the keys: flipping the sign bit of positives and every bit of
        // negatives makes unsigned order the numeric order. Every digit's histogram is counted in the same
        // pass, so each sorting pass reads the data once.
        var keys = MemoryMarshal.Cast<double, ulong>(values);
        var counts = new int[Passes * Buckets];
        for (var i = 0; i < n; i++)
        {
            var key = keys[i];
            key = (key & SignBit) != 0 ? ~key : key | SignBit;
            keys[i] = key;
            for (var pass = 0; pass < Passes; pass++)
            {
                counts[(pass * Buckets) + (int)((key >> (pass * Bits)) & Mask)]++;
            }
        }

        var rented = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            var from = keys;
            var to = rented.AsSpan(0, n);
            for (var pass = 0; pass < Passes; pass++)
            {
                var shift = pass * Bits;
                var digits = counts.AsSpan(pass * Buckets, Buckets);
                if (digits[(int)((from[0] >> shift) & Mask)] == n)
                {
                    // Every key has this digit: the pass would not move anything.
                    continue;
                }

                var offset = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var count = digits[b];
                    digits[b] = offset;
                    offset += count;
                }

                foreach (var key in from)
                {
                    to[digits[(int)((key >> shift) & Mask)]++] = key;
                }

                var swap = from;
                from = to;
                to = swap;
            }

            if (from != keys)
            {
                from.CopyTo(keys);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }

        for (var i = 0; i < n; i++)
        {
            keys[i] = (keys[i] & SignBit) != 0 ? keys[i] & ~SignBit : ~keys[i];
        }
    }
}
