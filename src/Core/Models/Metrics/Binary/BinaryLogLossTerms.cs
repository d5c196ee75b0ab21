namespace ModelGates.Models.Metrics;

/// <summary>
/// The log loss a row contributes at each distinct probability, for label 1 and for label 0,
/// computed once per prediction set so resamples only multiply by weights (no logarithms).
/// </summary>
internal sealed class BinaryLogLossTerms
{
    private BinaryLogLossTerms(double[] ifPositive, double[] ifNegative)
    {
        IfPositive = ifPositive;
        IfNegative = ifNegative;
    }

    /// <summary>The loss of a label-1 row at each distinct probability.</summary>
    public double[] IfPositive { get; }

    /// <summary>The loss of a label-0 row at each distinct probability.</summary>
    public double[] IfNegative { get; }

    /// <summary>
    /// scikit-learn 1.2's <c>log_loss</c> step by step: clip p to [eps, 1 − eps] with
    /// eps = 2^-52 (<c>np.finfo(float).eps</c>), form the pair (1 − p, p), divide the pair by its
    /// sum (which can differ from 1 in the last bit), take −log of the entry of the true label.
    /// </summary>
    public static BinaryLogLossTerms For(double[] probabilities)
    {
        var ifPositive = new double[probabilities.Length];
        var ifNegative = new double[probabilities.Length];
        for (var b = 0; b < probabilities.Length; b++)
        {
            var p = Math.Clamp(probabilities[b], LogLossClipping.Epsilon, 1.0 - LogLossClipping.Epsilon);
            var q = 1.0 - p;
            var sum = q + p;
            ifPositive[b] = -Math.Log(p / sum);
            ifNegative[b] = -Math.Log(q / sum);
        }

        return new BinaryLogLossTerms(ifPositive, ifNegative);
    }
}
