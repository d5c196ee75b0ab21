using ModelGates.Statistics;

namespace ModelGates.Models.Intervals;

/// <summary>
/// How resample r of a seeded bootstrap chooses its rows. Each resample has its own generator,
/// derived from (seed, r) alone, so a resample is the same whichever thread runs it and in whatever
/// order; and a resample is drawn as a count per row rather than an array of row indices.
/// </summary>
internal static class ResampleStreams
{
    /// <summary>The generator seed of resample <paramref name="resampleIndex"/> (a SplitMix64 mix of both inputs).</summary>
    public static ulong StreamSeed(ulong seed, int resampleIndex)
    {
        var z = seed ^ (((ulong)resampleIndex + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Fills <paramref name="counts"/> with how often each of the n rows is drawn in n uniform draws
    /// with replacement (a multinomial(n; 1/n, ..., 1/n) vector), the classical bootstrap resample.
    /// </summary>
    public static void DrawCounts(ulong seed, int resampleIndex, Span<int> counts)
    {
        counts.Clear();
        var random = new SeededRandom(StreamSeed(seed, resampleIndex));
        var n = counts.Length;
        for (var draw = 0; draw < n; draw++)
        {
            counts[(int)random.NextInt64(n)]++;
        }
    }
}
