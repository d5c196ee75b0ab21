namespace ModelGates.Profiles;

/// <summary>
/// The number of distinct values of a column: exact when the profile lists every value, otherwise a
/// HyperLogLog estimate with 2^<see cref="Precision"/> registers (standard error 1.04/√2048 ≈ 2.3% at
/// precision 11). Registers of numbers come from <see cref="ValueHash"/>, of strings from DuckDB's
/// <c>hash()</c>; two sketches merge only when they were built with the same hash (<see cref="HashId"/>).
/// The merged estimate is as accurate as a sketch of the union: HyperLogLog merges by taking register maxima.
/// </summary>
public sealed record DistinctSketch(long Estimate, bool IsExact, byte[]? Registers, string? HashId)
{
    /// <summary>The register index bits.</summary>
    internal const int Precision = 11;

    /// <summary>The number of registers.</summary>
    internal const int RegisterCount = 1 << Precision;

    /// <summary>The relative standard error of the estimate (1.04/√m).</summary>
    internal static double StandardError { get; } = 1.04 / Math.Sqrt(RegisterCount);

    /// <summary>An exact count.</summary>
    internal static DistinctSketch Exact(long count, byte[]? registers, string? hashId) => new(count, true, registers, hashId);

    /// <summary>An estimate from registers.</summary>
    internal static DistinctSketch FromRegisters(byte[] registers, string hashId) => new(EstimateOf(registers), false, registers, hashId);

    /// <summary>
    /// Registers from the minimum of the low 53 bits of the hash per bucket: the rank (position of the first
    /// 1-bit) is largest where the remaining bits are smallest, so the minimum gives the register value.
    /// </summary>
    internal static byte[] RegistersFromMinima(IEnumerable<(int Bucket, ulong MinLowBits)> minima)
    {
        var registers = new byte[RegisterCount];
        foreach (var (bucket, low) in minima)
        {
            var bitLength = low == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(low);
            registers[bucket] = (byte)(LowBits + 1 - bitLength);
        }

        return registers;
    }

    /// <summary>The number of hash bits below the bucket index.</summary>
    internal const int LowBits = 64 - Precision;

    /// <summary>Merges two sketches of disjoint or overlapping data.</summary>
    /// <returns>The merged sketch, or null when the registers cannot be combined (different hash functions or missing registers).</returns>
    internal DistinctSketch? Merge(DistinctSketch other)
    {
        if (Registers is null || other.Registers is null || !string.Equals(HashId, other.HashId, StringComparison.Ordinal))
        {
            return null;
        }

        var merged = new byte[RegisterCount];
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = Math.Max(Registers[i], other.Registers[i]);
        }

        return FromRegisters(merged, HashId!);
    }

    /// <summary>The HyperLogLog estimate with the usual small-range (linear counting) correction.</summary>
    internal static long EstimateOf(byte[] registers)
    {
        double m = registers.Length;
        var alpha = 0.7213 / (1 + (1.079 / m));
        double sum = 0;
        var zeros = 0;
        foreach (var r in registers)
        {
            sum += Math.ScaleB(1.0, -r);
            if (r == 0)
            {
                zeros++;
            }
        }

        var raw = alpha * m * m / sum;
        if (raw <= 2.5 * m && zeros > 0)
        {
            return (long)Math.Round(m * Math.Log(m / zeros));
        }

        return (long)Math.Round(raw);
    }
}
