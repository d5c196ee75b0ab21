namespace ModelGates.Models.Evaluation.Thresholds;

/// <summary>Whether a regression beyond a change threshold is real, by bootstrap.</summary>
/// <param name="PValue">One-sided p-value of "worse by no more than the allowed change".</param>
/// <param name="Alpha">The level: 1 − confidence.</param>
/// <param name="Method">How it was tested, for messages (<c>paired bootstrap against the baseline model</c>).</param>
public sealed record ChangeSignificance(double PValue, double Alpha, string Method)
{
    /// <summary>True when p ≤ α: the regression is real.</summary>
    public bool IsSignificant => PValue <= Alpha;
}
