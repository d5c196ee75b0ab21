namespace ModelGates.Statistics;

/// <summary>The standard normal distribution.</summary>
internal static class NormalDistribution
{
    /// <summary>P(Z ≤ z), accurate (relatively) in the far lower tail.</summary>
    public static double Cdf(double z) => Sf(-z);

    /// <summary>P(Z &gt; z), accurate (relatively) in the far upper tail.</summary>
    public static double Sf(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        // P(Z > z) = ½ erfc(z/√2) = ½ Q(½, z²/2) for z ≥ 0.
        var half = 0.5 * IncompleteGamma.Upper(0.5, 0.5 * z * z);
        return z >= 0 ? half : 1.0 - half;
    }
}
