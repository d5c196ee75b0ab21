using System.Text.Json;
using ModelGates.Statistics;
using ModelGates.Tests.Drift;

namespace ModelGates.Tests.Statistics;

/// <summary>The special functions and null distributions against scipy.special / scipy.stats values in eng/oracles/drift.json.</summary>
public sealed class SpecialFunctionOracleTests
{
    // Relative tolerance per family: tight where the algorithm is a direct evaluation, looser where SciPy's
    // own value is an approximation or sum whose rounding differs from ours.
    private static readonly Dictionary<string, (double Tolerance, Func<double[], double> Compute)> Families = new(StringComparer.Ordinal)
    {
        ["log_gamma"] = (1e-13, a => GammaFunctions.LogGamma(a[0])),
        ["gamma_q"] = (1e-12, a => IncompleteGamma.Upper(a[0], a[1])),
        ["gamma_p"] = (1e-12, a => IncompleteGamma.Lower(a[0], a[1])),
        ["beta_i"] = (1e-9, a => IncompleteBeta.Regularized(a[0], a[1], a[2])),
        ["chi2_sf"] = (1e-12, a => ChiSquaredDistribution.Sf(a[0], a[1])),
        ["t_two_sided"] = (1e-11, a => StudentTDistribution.TwoSidedPValue(a[0], a[1])),
        ["normal_sf"] = (1e-12, a => NormalDistribution.Sf(a[0])),
        ["bessel_kve"] = (1e-13, a => BesselK.Scaled(a[0], a[1])),
        ["kstwo_sf"] = (1e-9, a => KolmogorovDistribution.Sf((int)a[0], a[1])),
        ["smirnov_sf"] = (1e-11, a => SmirnovDistribution.Sf((int)a[0], a[1])),
        ["cvm_limit_cdf"] = (1e-13, a => CramerVonMisesDistribution.LimitCdf(a[0])),
        ["cvm_exact_pvalue"] = (1e-13, a => CramerVonMisesDistribution.TwoSampleExactPValue(a[0], (int)a[1], (int)a[2])),
        ["mwu_exact_cdf"] = (1e-12, a => MannWhitneyExactDistribution.Cdf((long)a[0], (int)a[1], (int)a[2])),
        ["hypergeom_pmf"] = (1e-9, a => new HypergeometricDistribution((long)a[1], (long)a[2], (long)a[3]).Pmf((long)a[0])),
        ["fisher_pvalue"] = (1e-9, a => FisherExactPValue.TwoSided((long)a[0], (long)a[1], (long)a[2], (long)a[3])),
    };

    // SciPy's betainc and hypergeom.pmf are off by ~1e-10 at large arguments (the "mpmath" table shows
    // it); the families above allow for that, the 40-digit values below hold ModelGates to 1e-13.
    private static readonly Dictionary<string, Func<double[], double>> HighPrecision = new(StringComparer.Ordinal)
    {
        ["log_gamma"] = a => GammaFunctions.LogGamma(a[0]),
        ["beta_i"] = a => IncompleteBeta.Regularized(a[0], a[1], a[2]),
        ["hypergeom_pmf"] = a => new HypergeometricDistribution((long)a[1], (long)a[2], (long)a[3]).Pmf((long)a[0]),
        ["normal_sf"] = a => NormalDistribution.Sf(a[0]),
    };

    public static TheoryData<string, int> HighPrecisionRows()
    {
        var data = new TheoryData<string, int>();
        foreach (var family in HighPrecision.Keys)
        {
            var count = MpmathTable(family).GetArrayLength();
            for (var i = 0; i < count; i++)
            {
                data.Add(family, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HighPrecisionRows))]
    public void Agrees_with_40_digit_mpmath(string family, int row)
    {
        var values = DriftOracle.Numbers(MpmathTable(family)[row]);
        var expected = values[^1];
        var actual = HighPrecision[family](values[..^1]);
        var what = $"{family}({string.Join(", ", values[..^1])})";
        if (expected == 0)
        {
            Assert.True(actual == 0, $"{what}: expected exactly 0, got {actual:R}");
            return;
        }

        var error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(error <= 1e-13, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }

    public static TheoryData<string, int> Rows()
    {
        var data = new TheoryData<string, int>();
        foreach (var family in Families.Keys)
        {
            var count = Table(family).GetArrayLength();
            for (var i = 0; i < count; i++)
            {
                data.Add(family, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Agrees_with_SciPy(string family, int row)
    {
        var values = DriftOracle.Numbers(Table(family)[row]);
        var arguments = values[..^1];
        var expected = values[^1];
        var (tolerance, compute) = Families[family];
        var actual = compute(arguments);
        var what = $"{family}({string.Join(", ", arguments)})";
        if (expected == 0)
        {
            // log Γ(1) = log Γ(2) = 0 and probabilities that underflow: exact zero on both sides.
            Assert.True(actual == 0, $"{what}: expected exactly 0, got {actual:R}");
            return;
        }

        var error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }

    [Fact]
    public void Every_family_has_rows()
    {
        Assert.All(Families.Keys, family => Assert.True(Table(family).GetArrayLength() > 0, family));
    }

    [Fact]
    public void Cramer_von_Mises_tail_is_nearer_the_exact_value_than_one_minus_SciPys_cdf_needs()
    {
        // 40-digit mpmath values of SciPy's truncated series: 1 − CDF keeps its digits to ~1e-15 absolute.
        foreach (var row in Table("cvm_limit_sf_mpmath").EnumerateArray())
        {
            var values = DriftOracle.Numbers(row);
            var tail = 1.0 - CramerVonMisesDistribution.LimitCdf(values[0]);
            Assert.True(Math.Abs(tail - values[1]) <= 1e-15, $"x = {values[0]:R}: exact {values[1]:R}, got {tail:R}");
        }
    }

    private static JsonElement MpmathTable(string family) =>
        DriftOracle.Document.GetProperty("special_functions").GetProperty("mpmath").GetProperty(family);

    private static JsonElement Table(string family) => DriftOracle.Document.GetProperty("special_functions").GetProperty(family);
}
