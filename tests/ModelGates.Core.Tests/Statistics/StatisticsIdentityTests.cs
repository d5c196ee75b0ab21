using ModelGates.Statistics;

namespace ModelGates.Tests.Statistics;

/// <summary>Closed forms and identities the special functions and distributions must satisfy.</summary>
public sealed class StatisticsIdentityTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    [InlineData(7.5)]
    [InlineData(300.0)]
    public void Chi_squared_with_two_degrees_of_freedom_is_exponential(double x)
    {
        // 1e-13: in the far tail e^(−x/2) itself is only as exact as the rounding of its argument.
        AssertRelative(Math.Exp(-x / 2), ChiSquaredDistribution.Sf(x, 2), 1e-13);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(40.0)]
    [InlineData(1e6)]
    public void Student_t_with_one_degree_of_freedom_is_Cauchy(double t)
    {
        // P(|T| ≥ t) = 1 − (2/π) atan t = (2/π) atan(1/t), the second form without cancellation.
        AssertRelative(2 / Math.PI * Math.Atan(1 / t), StudentTDistribution.TwoSidedPValue(t, 1), 1e-12);
        AssertRelative(0.5 + (Math.Atan(t) / Math.PI), StudentTDistribution.Cdf(t, 1), 1e-14);
    }

    [Theory]
    [InlineData(-4.0)]
    [InlineData(-0.5)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Normal_tails_add_to_one(double z)
    {
        AssertRelative(1.0, NormalDistribution.Cdf(z) + NormalDistribution.Sf(z), 1e-15);
        AssertRelative(NormalDistribution.Sf(z), NormalDistribution.Cdf(-z), 1e-15);
    }

    [Theory]
    [InlineData(0.5, 0.2)]
    [InlineData(3.0, 2.0)]
    [InlineData(3.0, 9.0)]
    [InlineData(250.0, 260.0)]
    public void Incomplete_gamma_halves_add_to_one(double a, double x)
    {
        AssertRelative(1.0, IncompleteGamma.Lower(a, x) + IncompleteGamma.Upper(a, x), 1e-14);
    }

    [Theory]
    [InlineData(0.2, 2.0, 3.0)]
    [InlineData(0.7, 0.5, 8.0)]
    [InlineData(0.01, 30.0, 1.5)]
    public void Incomplete_beta_reflects(double x, double a, double b)
    {
        AssertRelative(1.0, IncompleteBeta.Regularized(x, a, b) + IncompleteBeta.Regularized(1 - x, b, a), 1e-14);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(5, 3.1780538303479458)]
    [InlineData(20, 39.339884187199495)]
    public void Log_gamma_of_integers_is_log_factorial(int n, double logFactorial)
    {
        // log(n!) for n = 0, 4, 19 (small enough to multiply out exactly) — the expected values are log of exact products.
        var product = 1.0;
        for (var i = 2; i < n; i++)
        {
            product *= i;
        }

        AssertRelative(Math.Log(product), GammaFunctions.LogGamma(n), 1e-15);
        Assert.Equal(logFactorial, Math.Log(product), 12);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.7)]
    [InlineData(12.0)]
    [InlineData(5000.0)]
    public void Bessel_K_of_order_one_half_is_elementary(double x)
    {
        // K_½(x) = √(π / 2x) e^(−x).
        AssertRelative(Math.Sqrt(Math.PI / (2 * x)), BesselK.Scaled(0.5, x), 1e-14);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 4)]
    [InlineData(37, 9)]
    [InlineData(200, 23)]
    public void Two_sample_lattice_methods_agree_for_equal_sizes(long n, long h)
    {
        // The reflection formula for m = n and the general inside method compute the same probability.
        AssertRelative(
            TwoSampleKolmogorovSmirnov.OutsideSquare(n, h),
            TwoSampleKolmogorovSmirnov.OuterProbabilityInside(n, n, n, h),
            1e-12);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(5, 8)]
    [InlineData(8, 40)]
    public void Mann_Whitney_exact_distribution_is_symmetric(int m, int n)
    {
        for (var k = 0; k < m * n; k++)
        {
            AssertRelative(1.0, MannWhitneyExactDistribution.Cdf(k, m, n) + MannWhitneyExactDistribution.Cdf((m * n) - k - 1, m, n), 1e-13);
        }
    }

    [Theory]
    [InlineData(3, 7, 7, 3)]
    [InlineData(8, 2, 1, 5)]
    [InlineData(120, 80, 95, 130)]
    public void Fisher_p_value_does_not_depend_on_orientation(long a, long b, long c, long d)
    {
        var p = FisherExactPValue.TwoSided(a, b, c, d);
        AssertRelative(p, FisherExactPValue.TwoSided(a, c, b, d), 1e-12);
        AssertRelative(p, FisherExactPValue.TwoSided(d, c, b, a), 1e-12);
        AssertRelative(p, FisherExactPValue.TwoSided(b, a, d, c), 1e-12);
    }

    [Fact]
    public void Kolmogorov_distribution_has_its_closed_form_ends()
    {
        Assert.Equal(1.0, KolmogorovDistribution.Sf(10, 0.05));
        Assert.Equal(0.0, KolmogorovDistribution.Sf(10, 1.0));

        // Ruben–Gambino: P(Dₙ ≥ x) = 2 (1 − x)ⁿ for x ≥ 1 − 1/n.
        AssertRelative(2 * Math.Pow(1 - 0.93, 10), KolmogorovDistribution.Sf(10, 0.93), 1e-14);
    }

    [Fact]
    public void Python_floor_division_matches_its_definition()
    {
        Assert.Equal(3.0, CramerVonMisesDistribution.PythonFloorDivide(7.0, 2.0));
        Assert.Equal(-4.0, CramerVonMisesDistribution.PythonFloorDivide(-7.0, 2.0));
        Assert.Equal(-4.0, CramerVonMisesDistribution.PythonFloorDivide(7.0, -2.0));
        Assert.Equal(0.0, CramerVonMisesDistribution.PythonFloorDivide(0.5, 3.0));
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(
            Math.Abs(actual - expected) <= tolerance * Math.Abs(expected) || actual.Equals(expected),
            $"expected {expected:R}, got {actual:R}");
}
