using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ModelGates.Memory;

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
        Count(keys, counts);

        // Passes in which every key shares the digit would move nothing; knowing the rest up front lets the
        // last one turn keys back into doubles as it writes, instead of in a pass of its own.
        var active = new List<int>(Passes);
        for (var pass = 0; pass < Passes; pass++)
        {
            if (counts[(pass * Buckets) + (int)((keys[0] >> (pass * Bits)) & Mask)] != n)
            {
                active.Add(pass);
            }
        }

        if (active.Count == 0)
        {
            for (var i = 0; i < n; i++)
            {
                keys[i] = Restore(keys[i]);
            }

            return;
        }

        var rented = HugePages.Advise(ArrayPool<ulong>.Shared.Rent(n));
        try
        {
            // An odd number of passes ends in the buffer; starting from a copy there makes every count end in place.
            var from = keys;
            var to = rented.AsSpan(0, n);
            if (active.Count % 2 == 1)
            {
                keys.CopyTo(to);
                from = to;
                to = keys;
            }

            for (var k = 0; k < active.Count; k++)
            {
                var shift = active[k] * Bits;
                var digits = counts.AsSpan(active[k] * Buckets, Buckets);
                var offset = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var count = digits[b];
                    digits[b] = offset;
                    offset += count;
                }

                Scatter(from, to, digits, shift, restore: k == active.Count - 1);

                var swap = from;
                from = to;
                to = swap;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Turns the doubles into keys in place and counts every pass's digits in the same read. The digits are
    /// written out per pass and the counts addressed by reference: the bounds checks of an indexed loop were
    /// a third of this pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Count(Span<ulong> keys, int[] counts)
    {
        ref var key0 = ref MemoryMarshal.GetReference(keys);
        ref var c0 = ref MemoryMarshal.GetArrayDataReference(counts);
        ref var c1 = ref Unsafe.Add(ref c0, Buckets);
        ref var c2 = ref Unsafe.Add(ref c0, 2 * Buckets);
        ref var c3 = ref Unsafe.Add(ref c0, 3 * Buckets);
        ref var c4 = ref Unsafe.Add(ref c0, 4 * Buckets);
        ref var c5 = ref Unsafe.Add(ref c0, 5 * Buckets);
        for (nint i = 0; i < keys.Length; i++)
        {
            ref var slot = ref Unsafe.Add(ref key0, i);
            var key = slot;
            key = (key & SignBit) != 0 ? ~key : key | SignBit;
            slot = key;
            Unsafe.Add(ref c0, (nint)(key & Mask))++;
            Unsafe.Add(ref c1, (nint)((key >> Bits) & Mask))++;
            Unsafe.Add(ref c2, (nint)((key >> (2 * Bits)) & Mask))++;
            Unsafe.Add(ref c3, (nint)((key >> (3 * Bits)) & Mask))++;
            Unsafe.Add(ref c4, (nint)((key >> (4 * Bits)) & Mask))++;
            Unsafe.Add(ref c5, (nint)(key >> (5 * Bits)))++;
        }
    }

    /// <summary>
    /// One pass: each key to the next slot of its digit (<paramref name="digits"/> holds each digit's first slot and is
    /// advanced), turned back into a double on the last pass. The offsets are exact counts of the same keys, so every
    /// write lands inside <paramref name="to"/>; the references skip the bounds checks of indexing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter(Span<ulong> from, Span<ulong> to, Span<int> digits, int shift, bool restore)
    {
        ref var source = ref MemoryMarshal.GetReference(from);
        ref var target = ref MemoryMarshal.GetReference(to);
        ref var slots = ref MemoryMarshal.GetReference(digits);
        var n = (nint)from.Length;
        if (restore)
        {
            for (nint i = 0; i < n; i++)
            {
                var key = Unsafe.Add(ref source, i);
                ref var slot = ref Unsafe.Add(ref slots, (nint)((key >> shift) & Mask));
                Unsafe.Add(ref target, (nint)slot) = Restore(key);
                slot++;
            }
        }
        else
        {
            for (nint i = 0; i < n; i++)
            {
                var key = Unsafe.Add(ref source, i);
                ref var slot = ref Unsafe.Add(ref slots, (nint)((key >> shift) & Mask));
                Unsafe.Add(ref target, (nint)slot) = key;
                slot++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Restore(ulong key) => (key & SignBit) != 0 ? key & ~SignBit : ~key;
}
