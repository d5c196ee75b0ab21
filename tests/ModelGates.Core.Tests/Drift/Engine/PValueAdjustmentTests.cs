using System.Text.Json;
using ModelGates.Drift.Engine.Correction;
using ModelGates.Drift.Engine.Options;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>The corrections across columns against eng/oracles/drift_corrections.json (statsmodels' multipletests formulas in NumPy).</summary>
public sealed class PValueAdjustmentTests
{
    private static readonly Lazy<JsonElement> Oracle = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "oracles", "drift_corrections.json"));
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Oracle.Value.GetProperty("cases").EnumerateArray())
        {
            foreach (var method in new[] { "bonferroni", "holm", "bh" })
            {
                data.Add(c.GetProperty("name").GetString()!, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjusted_p_values_match_the_oracle(string name, string method)
    {
        var c = Case(name);
        Assert.True(MultipleTestingCorrectionText.TryParse(method, out var correction));
        var p = Numbers(c.GetProperty("p"));
        var expected = Numbers(c.GetProperty(method));

        var adjusted = PValueAdjustment.Adjust(p, correction);

        Assert.Equal(expected.Length, adjusted.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(adjusted[i] - expected[i]) <= 1e-15 * Math.Max(1e-300, expected[i]) || adjusted[i] == expected[i], $"{name} {method} [{i}]: {adjusted[i]:R} vs {expected[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adjusted_below_alpha_is_exactly_what_statsmodels_rejects(string name, string method)
    {
        var c = Case(name);
        MultipleTestingCorrectionText.TryParse(method, out var correction);
        var alpha = Oracle.Value.GetProperty("alpha").GetDouble();
        var rejected = c.GetProperty("rejected").GetProperty(method).EnumerateArray().Select(e => e.GetBoolean()).ToArray();

        var adjusted = PValueAdjustment.Adjust(Numbers(c.GetProperty("p")), correction);

        // statsmodels rejects at p ≤ its bound; ModelGates flags at adjusted < α, as every drift test reads p < α.
        // They can differ only at an adjusted value of exactly α, which no oracle case has.
        Assert.DoesNotContain(adjusted, a => a == alpha);
        Assert.Equal(rejected, adjusted.Select(a => a < alpha).ToArray());
    }

    [Fact]
    public void No_correction_returns_the_p_values_unchanged()
    {
        double[] p = [0.3, 0.01, 1, 0];
        Assert.Equal(p, PValueAdjustment.Adjust(p, MultipleTestingCorrection.None));
    }

    [Fact]
    public void Order_of_the_family_does_not_change_a_column_s_adjusted_p_value()
    {
        double[] p = [0.04, 0.001, 0.02, 0.02, 0.9, 0.03];
        foreach (var correction in Enum.GetValues<MultipleTestingCorrection>())
        {
            var forward = PValueAdjustment.Adjust(p, correction);
            var backward = PValueAdjustment.Adjust(p.Reverse().ToArray(), correction).Reverse().ToArray();
            Assert.Equal(forward, backward);
        }
    }

    [Fact]
    public void Holm_is_never_larger_than_bonferroni_and_bh_never_larger_than_holm()
    {
        var p = Numbers(Case("beta_100").GetProperty("p"));
        var bonferroni = PValueAdjustment.Adjust(p, MultipleTestingCorrection.Bonferroni);
        var holm = PValueAdjustment.Adjust(p, MultipleTestingCorrection.Holm);
        var bh = PValueAdjustment.Adjust(p, MultipleTestingCorrection.BenjaminiHochberg);
        for (var i = 0; i < p.Length; i++)
        {
            Assert.True(holm[i] <= bonferroni[i]);
            Assert.True(bh[i] <= holm[i]);
            Assert.True(bh[i] >= p[i]);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void A_p_value_outside_zero_to_one_is_rejected(double bad)
    {
        Assert.Throws<ArgumentException>(() => PValueAdjustment.Adjust([0.5, bad], MultipleTestingCorrection.Holm));
    }

    private static JsonElement Case(string name) =>
        Oracle.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
