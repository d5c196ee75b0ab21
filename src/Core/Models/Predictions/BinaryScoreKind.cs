namespace ModelGates.Models.Predictions;

/// <summary>What the score of a binary prediction means.</summary>
public enum BinaryScoreKind
{
    /// <summary>
    /// A probability of class 1 in [0, 1]. Every binary metric is defined, including log loss and
    /// the Brier score.
    /// </summary>
    Probability,

    /// <summary>
    /// Any finite real number that ranks rows (a margin, a logit). Ranking and thresholded metrics
    /// are defined; log loss and the Brier score are reported as undefined.
    /// </summary>
    Score,
}
