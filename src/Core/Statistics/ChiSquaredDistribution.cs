namespace ModelGates.Statistics;

/// <summary>The chi-squared distribution.</summary>
internal static class ChiSquaredDistribution
{
    /// <summary>P(X &gt; x) for X ~ χ²(degreesOfFreedom), degreesOfFreedom &gt; 0.</summary>
    public static double Sf(double x, double degreesOfFreedom)
    {
        if (double.IsNaN(x) || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }

        return x <= 0 ? 1.0 : IncompleteGamma.Upper(0.5 * degreesOfFreedom, 0.5 * x);
    }
}
