namespace ModelGates.Statistics;

/// <summary>
/// log(1+x) and exp(x)-1 without the cancellation of the naive forms. .NET's <c>double.LogP1</c> and
/// <c>double.ExpM1</c> are computed as <c>Log(x + 1)</c> and <c>Exp(x) - 1</c>, which lose every digit for tiny x.
/// </summary>
internal static class AccurateMath
{
    /// <summary>log(1 + x), accurate to a few ulps for all x &gt; -1 (Goldberg's correction).</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        // log(u) is exact for u; x / (u - 1) corrects for the rounding of 1 + x.
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) - 1, accurate to a few ulps (Kahan's correction).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        if (um1 == -1.0)
        {
            return -1.0;
        }

        return um1 * x / Math.Log(u);
    }
}
