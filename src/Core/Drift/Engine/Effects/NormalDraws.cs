using System.Runtime.CompilerServices;
using ModelGates.Statistics;

namespace ModelGates.Drift.Engine.Effects;

/// <summary>
/// Standard normal draws for the Poisson bootstrap by Marsaglia and Tsang's ziggurat (128 layers of equal
/// area under the half-normal density, the sign drawn apart). About 99 % of draws cost one 64-bit uniform, a
/// multiply and a compare; only draws in a layer's wedge take an exponential, and those in the tail beyond
/// <see cref="TailStart"/> two logarithms. Box–Muller spent a logarithm, a square root and a sine-and-cosine
/// per two draws, and the bootstrap makes millions per column. Same seed, same sequence.
/// </summary>
internal sealed class NormalDraws(SeededRandom random)
{
    /// <summary>Where the base layer's tail starts (Marsaglia and Tsang's r for 128 layers).</summary>
    public const double TailStart = 3.442619855899;

    private const int Layers = 128;
    private const double LayerArea = 9.91256303526217e-3;
    private const double UnitScale = 1.0 / (1UL << 53);

    // Edges[i] is the right edge of layer i (Edges[0] the base layer's width were its tail a rectangle), decreasing
    // to Edges[128] = 0; Heights[i] is the density there, e^(−Edges[i]²/2).
    private static readonly double[] Edges = LayerEdges();
    private static readonly double[] Heights = Edges.Select(Density).ToArray();

    /// <summary>The uniform source, for draws that need uniforms.</summary>
    public SeededRandom Random => random;

    /// <summary>The next standard normal draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Next()
    {
        while (true)
        {
            // The low byte picks the layer and the sign; the top 53 bits are the uniform position in the layer.
            var bits = random.NextUInt64();
            var layer = (int)(bits & (Layers - 1));
            var sign = (bits & Layers) == 0 ? 1.0 : -1.0;
            var x = (bits >> 11) * UnitScale * Edges[layer];
            if (x < Edges[layer + 1])
            {
                return sign * x;
            }

            if (layer == 0)
            {
                return sign * Tail();
            }

            var y = Heights[layer] + (random.NextDouble() * (Heights[layer + 1] - Heights[layer]));
            if (y < Density(x))
            {
                return sign * x;
            }
        }
    }

    private static double Density(double x) => Math.Exp(-0.5 * x * x);

    /// <summary>A draw from the normal tail beyond <see cref="TailStart"/> (Marsaglia, 1964).</summary>
    private double Tail()
    {
        while (true)
        {
            var a = -Math.Log(1.0 - random.NextDouble()) / TailStart;
            var b = -Math.Log(1.0 - random.NextDouble());
            if (b + b >= a * a)
            {
                return TailStart + a;
            }
        }
    }

    /// <summary>Each layer holds the same area: x_{i+1} = √(−2 ln(area / x_i + f(x_i))), from x_1 = r.</summary>
    private static double[] LayerEdges()
    {
        var edges = new double[Layers + 1];
        edges[0] = LayerArea / Density(TailStart);
        edges[1] = TailStart;
        for (var i = 1; i < Layers - 1; i++)
        {
            edges[i + 1] = Math.Sqrt(-2.0 * Math.Log((LayerArea / edges[i]) + Density(edges[i])));
        }

        edges[Layers] = 0.0;
        return edges;
    }
}
