namespace ModelGates.Models.Metrics;

/// <summary>The probability clipping both log-loss metrics share with scikit-learn 1.2.</summary>
public static class LogLossClipping
{
    /// <summary>
    /// Probabilities are clipped to [Epsilon, 1 − Epsilon] before the logarithm, so a confident
    /// wrong prediction (probability exactly 0 of the true class) costs −log(2^-52) ≈ 36.04, not
    /// infinity. Epsilon is 2^-52 = 2.220446049250313e-16, numpy's <c>np.finfo(np.float64).eps</c>
    /// that scikit-learn 1.2's <c>log_loss(eps="auto")</c> uses for float64 input. (It is not
    /// .NET's <see cref="double.Epsilon"/>, the smallest subnormal.)
    /// </summary>
    public static readonly double Epsilon = Math.BitIncrement(1.0) - 1.0;
}
