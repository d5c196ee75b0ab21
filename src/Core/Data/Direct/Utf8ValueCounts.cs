using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelGates.Data.Direct;

/// <summary>
/// Counts the distinct UTF-8 values of one text column, looked up by span so that a value already seen costs
/// no allocation. Holds at most <see cref="Capacity"/> distinct values; past that the caller gives up.
/// </summary>
internal sealed class Utf8ValueCounts
{
    private readonly Dictionary<byte[], long> counts = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], long>.AlternateLookup<ReadOnlySpan<byte>> lookup;

    public Utf8ValueCounts(int capacity)
    {
        Capacity = capacity;
        lookup = counts.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The most distinct values held.</summary>
    public int Capacity { get; }

    /// <summary>The distinct values and their counts, in no particular order.</summary>
    public IEnumerable<KeyValuePair<byte[], long>> Entries => counts;

    /// <summary>Counts one occurrence of <paramref name="value"/>; false when that would exceed the capacity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(ReadOnlySpan<byte> value)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(lookup, value);
        if (!Unsafe.IsNullRef(ref count))
        {
            count++;
            return true;
        }

        if (counts.Count >= Capacity)
        {
            return false;
        }

        counts.Add(value.ToArray(), 1);
        return true;
    }

    /// <summary>Adds every count of <paramref name="other"/>; false when that would exceed the capacity.</summary>
    public bool AddAll(Utf8ValueCounts other)
    {
        foreach (var (value, count) in other.counts)
        {
            ref var existing = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _);
            existing += count;
        }

        return counts.Count <= Capacity;
    }

    private sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8KeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        /// <summary>
        /// A multiply-xorshift hash over eight bytes at a time: category values are short, and this costs a few
        /// instructions where a general-purpose hash costs dozens. Not randomised: the counts are capped.
        /// </summary>
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
}
