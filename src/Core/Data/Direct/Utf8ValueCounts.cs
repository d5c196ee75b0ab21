using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ModelGates.Data.Direct;

/// <summary>
/// Counts the distinct UTF-8 values of one text column in an open-addressing table looked up by span, so a
/// value already seen costs a hash, one probe and one comparison, and no allocation. Holds at most
/// <see cref="Capacity"/> distinct values; past that the caller gives up.
/// </summary>
internal sealed class Utf8ValueCounts
{
    private int[] slots = new int[64];
    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    private long[] counts = new long[16];
    private int count;

    public Utf8ValueCounts(int capacity)
    {
        Capacity = capacity;
    }

    /// <summary>The most distinct values held.</summary>
    public int Capacity { get; }

    /// <summary>The distinct values and their counts, in first-seen order.</summary>
    public IEnumerable<KeyValuePair<byte[], long>> Entries
    {
        get
        {
            for (var i = 0; i < count; i++)
            {
                yield return new KeyValuePair<byte[], long>(keys[i], counts[i]);
            }
        }
    }

    /// <summary>Counts one occurrence of <paramref name="value"/>; false when that would exceed the capacity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(ReadOnlySpan<byte> value) => Add(value, Hash(value), 1);

    /// <summary>Adds every count of <paramref name="other"/>; false when that would exceed the capacity.</summary>
    public bool AddAll(Utf8ValueCounts other)
    {
        for (var i = 0; i < other.count; i++)
        {
            if (!Add(other.keys[i], other.hashes[i], other.counts[i]))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Add(ReadOnlySpan<byte> value, int hash, long occurrences)
    {
        // The table is at most half full, so a probe sequence always reaches an empty slot.
        var mask = slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot] - 1;
            if (entry < 0)
            {
                return Insert(slot, value, hash, occurrences);
            }

            if (hashes[entry] == hash && value.SequenceEqual(keys[entry]))
            {
                counts[entry] += occurrences;
                return true;
            }
        }
    }

    private bool Insert(int slot, ReadOnlySpan<byte> value, int hash, long occurrences)
    {
        if (count >= Capacity)
        {
            return false;
        }

        if (count == keys.Length)
        {
            Array.Resize(ref keys, count * 2);
            Array.Resize(ref hashes, count * 2);
            Array.Resize(ref counts, count * 2);
        }

        keys[count] = value.ToArray();
        hashes[count] = hash;
        counts[count] = occurrences;
        count++;
        slots[slot] = count;
        if (count * 2 > slots.Length)
        {
            Rehash();
        }

        return true;
    }

    private void Rehash()
    {
        slots = new int[slots.Length * 2];
        var mask = slots.Length - 1;
        for (var entry = 0; entry < count; entry++)
        {
            var slot = hashes[entry] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = entry + 1;
        }
    }

    /// <summary>
    /// A multiply-xorshift hash over eight bytes at a time: category values are short, and this costs a few
    /// instructions where a general-purpose hash costs dozens. Not randomised: the counts are capped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = ((ulong)bytes.Length + 1) * 0x9E3779B97F4A7C15UL;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xBF58476D1CE4E5B9UL;
            hash ^= hash >> 29;
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (hash ^ tail) * 0x94D049BB133111EBUL;
        return (int)(hash ^ (hash >> 32));
    }
}
