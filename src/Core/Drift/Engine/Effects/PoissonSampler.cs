using System.Runtime.CompilerServices;
using ModelGates.Statistics;

namespace ModelGates.Drift.Engine.Effects;

/// <summary>
/// Poisson draws for the Poisson bootstrap: each point (or category) of a side is given a Poisson(weight)
/// count instead of a multinomial one, which is the same in the limit and needs no sort. Below a mean
/// of 30 the draw is exact (inversion); above it, the normal approximation mean + √mean·Z, whose error
/// is far below the resampling noise it models.
/// </summary>
internal static class PoissonSampler
{
    private const double NormalFrom = 30.0;

    /// <summary>
    /// What a draw of <paramref name="mean"/> starts from, computed once per point: e^−mean for small means (the start of
    /// the inversion), √mean where the normal approximation applies (a square root per draw was a tenth of the redraw loop).
    /// </summary>
    public static double Start(double mean) => mean < NormalFrom ? Math.Exp(-mean) : Math.Sqrt(mean);

    /// <summary>A Poisson(<paramref name="mean"/>) draw; <paramref name="start"/> is <see cref="Start"/> of the mean.</summary>
    // Inlined into the bootstrap's redraw loop, which calls it twice per grid point and replicate.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Draw(NormalDraws random, double mean, double start)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean >= NormalFrom)
        {
            return Math.Max(0.0, mean + (start * random.Next()));
        }

        // Inversion: walk the cumulative distribution until it passes a uniform draw.
        var u = random.Random.NextDouble();
        var probability = start;
        var cumulative = probability;
        var k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }

        return k;
    }
}
