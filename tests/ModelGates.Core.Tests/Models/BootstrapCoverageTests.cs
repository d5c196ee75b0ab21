using ModelGates.Models.Intervals;
using ModelGates.Models.Metrics;
using Xunit.Abstractions;

namespace ModelGates.Tests.Models;

/// <summary>
/// Does a 95 % interval cover the truth about 95 % of the time? 200 seeded holdouts of 300 rows
/// whose true AUC is known exactly (Φ(1)); the band is wide, since percentile intervals for AUC at
/// this size run a little short of nominal, but a broken interval (too narrow, off-centre) fails it.
/// </summary>
public sealed class BootstrapCoverageTests(ITestOutputHelper output)
{
    private const double TrueAuc = 0.8413447460685429; // Φ(1): scores N(√2·label, 1).

    [Theory]
    [InlineData(0.95, 0.88, 0.99)]
    [InlineData(0.50, 0.36, 0.64)]
    public void Auc_interval_covers_the_true_auc_at_about_its_confidence(double confidence, double lowest, double highest)
    {
        const int datasets = 200;
        var covered = 0;
        for (var d = 0; d < datasets; d++)
        {
            var holdout = SimulatedPredictions.GaussianScores((ulong)(1000 + d), 300, Math.Sqrt(2.0));
            var interval = MetricBootstrap.Estimate(
                holdout,
                [new RocAucMetric()],
                new BootstrapOptions { Seed = (ulong)d, Confidence = confidence, Resamples = 1000 })[0];
            if (interval.Lower <= TrueAuc && TrueAuc <= interval.Upper)
            {
                covered++;
            }
        }

        output.WriteLine($"{confidence:P0} intervals covered the true AUC in {covered} of {datasets} holdouts");
        Assert.InRange(covered / (double)datasets, lowest, highest);
    }
}
