using ModelGates.Drift;

namespace ModelGates.Tests.Drift;

/// <summary>The accuracy ModelGates promises against SciPy.</summary>
internal static class OracleAssert
{
    /// <summary>Statistics agree to 1e-9 relative (exactly, for infinities).</summary>
    public const double StatisticTolerance = 1e-9;

    /// <summary>P-values agree to 1e-6 relative when SciPy's is above <see cref="TinyPValue"/>.</summary>
    public const double PValueTolerance = 1e-6;

    /// <summary>Below this SciPy's p-value is only "tiny": both must then be at most <see cref="TinyBound"/>.</summary>
    public const double TinyPValue = 1e-12;

    /// <summary>The bound both p-values must meet when SciPy's is tiny.</summary>
    public const double TinyBound = 1e-10;

    // Statistics that are zero in exact arithmetic come out as rounding noise of the inputs' size.
    private const double StatisticAbsoluteFloor = 1e-13;

    public static void Statistic(double expected, double actual, string what)
    {
        if (double.IsInfinity(expected) || double.IsNaN(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        var error = Math.Abs(actual - expected);
        Assert.True(
            error <= Math.Max(StatisticTolerance * Math.Abs(expected), StatisticAbsoluteFloor),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2})");
    }

    /// <summary>
    /// SciPy's asymptotic Cramér–von Mises p-value is 1 − CDF(x), which carries an absolute error of
    /// ~2e-15 (mpmath shows ModelGates' value nearer the exact one); for that test p-values also agree
    /// within this absolute bound.
    /// </summary>
    public const double CramerVonMisesAbsoluteTolerance = 5e-15;

    public static void PValue(double expected, double? actualOrNull, string what, double absoluteTolerance = 0)
    {
        Assert.True(actualOrNull.HasValue, $"{what}: no p-value");
        var actual = actualOrNull.Value;
        Assert.InRange(actual, 0.0, 1.0);
        if (expected > TinyPValue)
        {
            var error = Math.Abs(actual - expected);
            Assert.True(
                error <= Math.Max(PValueTolerance * expected, absoluteTolerance),
                $"{what}: expected p = {expected:R}, got {actual:R} (relative error {error / expected:E2})");
        }
        else
        {
            Assert.True(actual <= TinyBound, $"{what}: SciPy's p = {expected:R} is tiny, got {actual:R}");
        }
    }

    public static PValueMethod Method(string text) => text switch
    {
        "exact" => PValueMethod.Exact,
        "asymptotic" => PValueMethod.Asymptotic,
        "approximate" => PValueMethod.Approximate,
        "interpolated" => PValueMethod.Interpolated,
        _ => throw new InvalidDataException($"Unknown method '{text}' in the oracle."),
    };
}
