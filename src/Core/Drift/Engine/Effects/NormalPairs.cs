using ModelGates.Statistics;

namespace ModelGates.Drift.Engine.Effects;

/// <summary>
/// Standard normal draws for the Poisson bootstrap, two per Box–Muller transform: one logarithm, one square
/// root and one sine-and-cosine serve two draws, where <see cref="SeededRandom.NextGaussian"/> spends them
/// on one. The bootstrap makes millions of these per column. Same seed, same sequence.
/// </summary>
internal sealed class NormalPairs(SeededRandom random)
{
    private double spare;
    private bool hasSpare;

    /// <summary>The uniform source, for draws that need uniforms.</summary>
    public SeededRandom Random => random;

    /// <summary>The next standard normal draw.</summary>
    public double Next()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        double u1;
        do
        {
            u1 = random.NextDouble();
        }
        while (u1 <= double.Epsilon);

        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * random.NextDouble());
        spare = radius * sin;
        hasSpare = true;
        return radius * cos;
    }
}
