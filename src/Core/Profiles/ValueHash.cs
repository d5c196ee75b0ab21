using System.Runtime.CompilerServices;

namespace ModelGates.Profiles;

/// <summary>
/// The 64-bit hash of numeric values behind their distinct-count registers: SplitMix64's finalizer over the
/// IEEE bits (with −0 folded into +0), computed in C# so that numeric columns are profiled without a SQL pass.
/// </summary>
internal static class ValueHash
{
    /// <summary>The hash identity recorded with numeric registers; registers merge only with the same identity.</summary>
    public const string NumericHashId = "splitmix64-double/1";

    /// <summary>The hash of a finite double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(double value)
    {
        var z = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>HyperLogLog registers of distinct values (each value counted once is enough: registers take maxima).</summary>
    public static byte[] Registers(IEnumerable<double> distinctValues)
    {
        var registers = new byte[DistinctSketch.RegisterCount];
        foreach (var value in distinctValues)
        {
            Add(registers, value);
        }

        return registers;
    }

    /// <summary>The registers of values sorted ascending, hashing each distinct value once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] RegistersOfSorted(ReadOnlySpan<double> sorted)
    {
        var registers = new byte[DistinctSketch.RegisterCount];
        AddSorted(registers, sorted);
        return registers;
    }

    /// <summary>Adds values sorted ascending to <paramref name="registers"/>, hashing each distinct value once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddSorted(byte[] registers, ReadOnlySpan<double> sorted)
    {
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                Add(registers, sorted[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(byte[] registers, double value)
    {
        var hash = Of(value);
        var bucket = (int)(hash >> DistinctSketch.LowBits);
        var low = hash & ((1UL << DistinctSketch.LowBits) - 1);
        var bitLength = low == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(low);
        var rank = (byte)(DistinctSketch.LowBits + 1 - bitLength);
        if (rank > registers[bucket])
        {
            registers[bucket] = rank;
        }
    }
}
