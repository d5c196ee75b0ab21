using ModelGates.Models.Predictions;
using ModelGates.Statistics;

namespace ModelGates.Tests.Models;

/// <summary>Seeded synthetic holdouts for the bootstrap tests.</summary>
internal static class SimulatedPredictions
{
    /// <summary>
    /// Labels ~ Bernoulli(prevalence); score = N(separation × label, 1). The true AUC is
    /// Φ(separation / √2): with separation √2 it is Φ(1) = 0.8413447460685429.
    /// </summary>
    public static BinaryPredictions GaussianScores(ulong seed, int rows, double separation, double prevalence = 0.4)
    {
        var random = new SeededRandom(seed);
        var labels = new int[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < prevalence ? 1 : 0;
            scores[i] = (separation * labels[i]) + random.NextGaussian();
        }

        return new BinaryPredictions(labels, scores, scoreKind: BinaryScoreKind.Score);
    }

    /// <summary>
    /// Two models of the same rows: a latent signal z decides the label (P(1) = sigmoid(2z)); each
    /// model sees z plus its own Gaussian noise. More noise means a worse model.
    /// </summary>
    public static (BinaryPredictions Challenger, BinaryPredictions Baseline) TwoModels(
        ulong seed, int rows, double challengerNoise, double baselineNoise)
    {
        var random = new SeededRandom(seed);
        var labels = new int[rows];
        var challenger = new double[rows];
        var baseline = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var z = random.NextGaussian();
            labels[i] = random.NextDouble() < 1.0 / (1.0 + Math.Exp(-2.0 * z)) ? 1 : 0;
            challenger[i] = Sigmoid(z + (challengerNoise * random.NextGaussian()));
            baseline[i] = Sigmoid(z + (baselineNoise * random.NextGaussian()));
        }

        return (new BinaryPredictions(labels, challenger), new BinaryPredictions(labels, baseline));
    }

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-2.0 * x));
}
