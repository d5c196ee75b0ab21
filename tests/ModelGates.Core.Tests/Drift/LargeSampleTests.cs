using System.Diagnostics;
using ModelGates.Drift;
using ModelGates.Statistics;

namespace ModelGates.Tests.Drift;

/// <summary>
/// One million rows per side: exact identities that hold at any size, and a time bound that only an
/// O(n log n) implementation meets (an O(n²) energy distance would take hours).
/// </summary>
public sealed class LargeSampleTests
{
    private const int Rows = 1_000_000;
    private static readonly Lazy<(NumericSample Sample, NumericSample Shifted, double Shift)> Data = new(() =>
    {
        var random = new SeededRandom(2026);
        var values = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            values[i] = Math.Round(random.NextGaussian(), 3);
        }

        // A shift by a power of two keeps every difference exact.
        const double Shift = 0.5;
        return (NumericSample.FromUnsorted(values), NumericSample.FromUnsorted(values.Select(v => v + Shift).ToArray()), Shift);
    });

    [Fact]
    public void Every_value_test_runs_on_a_million_rows_per_side_in_linear_time()
    {
        var (sample, shifted, _) = Data.Value;
        var watch = Stopwatch.StartNew();
        foreach (var test in DriftTestRegistry.All.Where(t => t.Input == DriftInputKind.Values))
        {
            var result = test.Compute(sample, shifted);
            Assert.True(test.IsDrift(result, test.DefaultThreshold), $"{test.Id} misses a half-standard-deviation shift");
        }

        // Measured at ~0.1 s in total on one core; the bound is generous so that shared machines do not fail it.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"value tests took {watch.Elapsed}");
    }

    [Fact]
    public void Wasserstein_distance_of_a_shift_is_the_shift_in_reference_standard_deviations()
    {
        var (sample, shifted, shift) = Data.Value;
        var sigma = Math.Sqrt(Variance(sample.Values));
        var result = DriftTestRegistry.Get("wasserstein").Compute(sample, shifted);
        Assert.True(Math.Abs(result.Statistic - (shift / sigma)) <= 1e-9 * (shift / sigma), $"{result.Statistic:R} vs {shift / sigma:R}");
    }

    [Fact]
    public void Identical_million_row_samples_are_identical()
    {
        var (sample, _, _) = Data.Value;
        Assert.Equal(0.0, DriftTestRegistry.Get("ed").Compute(sample, sample).Statistic);
        var ks = DriftTestRegistry.Get("ks").Compute(sample, sample);
        Assert.Equal((0.0, 1.0), (ks.Statistic, ks.PValue!.Value));
        var mannWhitney = DriftTestRegistry.Get("mannw").Compute(sample, sample);
        Assert.Equal((double)Rows * Rows / 2, mannWhitney.Statistic);
        Assert.Equal(1.0, mannWhitney.PValue);
    }

    private static double Variance(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return sum / values.Length;
    }
}
