using System.Globalization;

namespace ModelGates.Models.Evaluation.Thresholds;

/// <summary>Whether a regression beyond a change threshold is real, by a one-sided bootstrap test.</summary>
/// <param name="PValue">One-sided p-value of "worse by no more than the allowed change".</param>
/// <param name="Alpha">The level: 1 − confidence.</param>
/// <param name="Method">How it was tested, for messages (<c>paired bootstrap against the baseline model</c>).</param>
public sealed record ChangeSignificance(double PValue, double Alpha, string Method)
{
    /// <summary>True when p ≤ α: the regression is real.</summary>
    public bool IsSignificant => PValue <= Alpha;

    /// <summary>
    /// The bound the verdict used: the one-sided lower confidence bound, at level 1 − <see cref="Alpha"/>, of what the
    /// threshold measures (the drop for <c>maxDrop</c>, the relative drop for <c>maxRelativeDrop</c>). The regression
    /// is significant exactly when this bound exceeds the threshold's bound. Null when the test had too few resamples
    /// to reach α at all.
    /// </summary>
    public double? DropLowerBound { get; init; }

    /// <summary>The confidence of <see cref="DropLowerBound"/>: 1 − α (the bootstrap's confidence setting).</summary>
    public double Confidence { get; init; } = 1.0 - Alpha;

    /// <summary>How the bound is labelled wherever it is printed: <c>one-sided 95 % lower bound</c>.</summary>
    public string BoundLabel => Label(Confidence);

    /// <summary>The label of a one-sided lower bound at <paramref name="confidence"/> (<c>one-sided 95 % lower bound</c>).</summary>
    public static string Label(double confidence) =>
        string.Create(CultureInfo.InvariantCulture, $"one-sided {Math.Round(confidence * 100, 4):0.####} % lower bound");
}
