namespace ModelGates.Statistics;

/// <summary>
/// A seeded xoshiro256** generator. System.Random's seeded sequence is not promised to stay the
/// same across .NET versions; bootstrap intervals and simulations must give the same bytes
/// everywhere, so ModelGates owns its generator.
/// </summary>
internal sealed class SeededRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Creates a generator whose whole sequence is fixed by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        // SplitMix64 spreads any seed (even 0) over the 256-bit state, as the xoshiro authors recommend.
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    // Inlined: the bootstraps' normal draws take one per draw, millions per column, and the call cost more than the arithmetic.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias (Lemire's method).</summary>
    public long NextInt64(long maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), "The bound must be positive.");
        }

        var range = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0 - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (long)product;
    }

    /// <summary>A standard normal variate (Box–Muller, one of the pair; simple and reproducible).</summary>
    public double NextGaussian()
    {
        double u1;
        do
        {
            u1 = NextDouble();
        }
        while (u1 <= double.Epsilon);

        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
