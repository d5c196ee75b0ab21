using ModelGates.Drift;

namespace ModelGates.Tests.Drift;

/// <summary>Where the Mann–Whitney test takes its exact path, and where it must not.</summary>
public sealed class MannWhitneyMethodTests
{
    private static readonly double[] Eight = [0.5, 10.5, 20.5, 30.5, 40.5, 50.5, 60.5, 70.5];

    [Fact]
    public void A_small_side_without_ties_is_exact()
    {
        var result = DriftTestRegistry.Get("mannw").Compute(NumericSample.FromSorted(Eight), NumericSample.FromSorted(Integers(1000)));
        Assert.Equal(PValueMethod.Exact, result.Method);
    }

    [Fact]
    public void Ties_make_it_asymptotic()
    {
        var result = DriftTestRegistry.Get("mannw").Compute(NumericSample.FromSorted([1.0, 2.0, 3.0]), NumericSample.FromSorted([2.0, 5.0, 6.0, 7.0]));
        Assert.Equal(PValueMethod.Asymptotic, result.Method);
    }

    [Fact]
    public void The_exact_distribution_is_not_built_beyond_its_memory_bound()
    {
        // 8 × 5,000,002 / 2 attainable U values would need 160 MB: the normal approximation is used.
        var result = DriftTestRegistry.Get("mannw").Compute(NumericSample.FromSorted(Eight), NumericSample.FromSorted(Integers(5_000_002)));
        Assert.Equal(PValueMethod.Asymptotic, result.Method);
        Assert.InRange(result.PValue!.Value, 0.0, 1e-3);
    }

    private static double[] Integers(int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = i;
        }

        return values;
    }
}
