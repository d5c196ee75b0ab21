using ModelGates.Statistics;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>Seeded samples for the judgement tests and simulations.</summary>
internal static class SampleStreams
{
    public static double[] Normal(SeededRandom random, int n, double shift = 0)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = shift + random.NextGaussian();
        }

        return values;
    }

    /// <summary>Counts of <paramref name="n"/> draws over categories with the given probabilities.</summary>
    public static Dictionary<string, long> Categories(SeededRandom random, int n, double[] probabilities)
    {
        var counts = new long[probabilities.Length];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            var k = 0;
            while (k < probabilities.Length - 1 && u >= probabilities[k])
            {
                u -= probabilities[k];
                k++;
            }

            counts[k]++;
        }

        return counts.Select((c, k) => (Key: "c" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), Count: c)).ToDictionary(p => p.Key, p => p.Count);
    }
}
