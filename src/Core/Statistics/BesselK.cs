namespace ModelGates.Statistics;

/// <summary>The modified Bessel function of the second kind, K_ν, for real order.</summary>
internal static class BesselK
{
    /// <summary>
    /// e^x K_ν(x) for x &gt; 0 (SciPy's <c>kve</c>), from K_ν(x) = ∫₀^∞ e^(−x cosh t) cosh(νt) dt.
    /// The integrand is analytic in a strip around the real axis, so the trapezoidal rule converges
    /// geometrically in the number of points; the step is halved until two passes agree to 1e-15.
    /// </summary>
    public static double Scaled(double nu, double x)
    {
        if (double.IsNaN(nu) || double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.PositiveInfinity;
        }

        nu = Math.Abs(nu);
        var step = Math.Min(0.5, 1.0 / Math.Sqrt(x));
        var sum = 0.5 * Integrand(nu, x, 0.0) + SumFrom(nu, x, step, step);
        var estimate = sum * step;
        for (var pass = 0; pass < 30; pass++)
        {
            // The new points of the halved grid are the midpoints of the old one.
            sum += SumFrom(nu, x, step / 2, step);
            step /= 2;
            var refined = sum * step;
            var converged = Math.Abs(refined - estimate) <= 1e-15 * Math.Abs(refined);
            estimate = refined;
            if (converged)
            {
                break;
            }
        }

        return estimate;
    }

    // e^(−x (cosh t − 1)) cosh(νt): the integrand with e^x factored out so large x does not underflow.
    private static double Integrand(double nu, double x, double t)
    {
        var coshMinusOne = 2.0 * Math.Sinh(0.5 * t) * Math.Sinh(0.5 * t);
        return Math.Exp(-x * coshMinusOne) * Math.Cosh(nu * t);
    }

    // Σ integrand(first + k·spacing) for k ≥ 0, until the integrand is decreasing and negligible.
    private static double SumFrom(double nu, double x, double first, double spacing)
    {
        var sum = 0.0;
        for (var t = first; ; t += spacing)
        {
            var value = Integrand(nu, x, t);
            sum += value;
            var decreasing = x * Math.Sinh(t) > nu;
            if (decreasing && value <= 1e-18 * sum)
            {
                return sum;
            }
        }
    }
}
