namespace ModelGates.Statistics;

/// <summary>Student's t distribution with real (not only integer) degrees of freedom.</summary>
internal static class StudentTDistribution
{
    /// <summary>P(T ≤ t) for T ~ t(degreesOfFreedom), degreesOfFreedom &gt; 0.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }

        if (t == 0)
        {
            return 0.5;
        }

        var tail = 0.5 * TwoSidedTail(Math.Abs(t), degreesOfFreedom);
        return t < 0 ? tail : 1.0 - tail;
    }

    /// <summary>P(|T| ≥ |t|), the two-sided p-value of a t statistic.</summary>
    public static double TwoSidedPValue(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }

        return TwoSidedTail(Math.Abs(t), degreesOfFreedom);
    }

    // P(|T| ≥ t) = I_{ν/(ν+t²)}(ν/2, ½); both ν/(ν+t²) and t²/(ν+t²) are formed directly.
    private static double TwoSidedTail(double t, double nu)
    {
        var tSquared = t * t;
        if (double.IsPositiveInfinity(tSquared))
        {
            return 0.0;
        }

        var x = nu / (nu + tSquared);
        var y = tSquared / (nu + tSquared);
        return IncompleteBeta.Regularized(x, y, 0.5 * nu, 0.5);
    }
}
