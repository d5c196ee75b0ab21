namespace ModelGates.Drift.Engine.Options;

/// <summary>How p-values are adjusted for testing many columns at once (docs/drift.md#multiple-testing).</summary>
public enum MultipleTestingCorrection
{
    /// <summary>No adjustment: each column is tested at the significance level on its own.</summary>
    None,

    /// <summary>Bonferroni: p × m, capped at 1. Controls the chance of any false alarm (family-wise error).</summary>
    Bonferroni,

    /// <summary>Holm's step-down: controls the family-wise error like Bonferroni, never less powerful.</summary>
    Holm,

    /// <summary>Benjamini–Hochberg: controls the expected share of false alarms among the flagged columns.</summary>
    BenjaminiHochberg,
}

/// <summary>Text forms of <see cref="MultipleTestingCorrection"/>, as written on the command line and in JSON.</summary>
internal static class MultipleTestingCorrectionText
{
    /// <summary>Every text form, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["none", "bonferroni", "holm", "bh"];

    /// <summary>The text form: <c>none</c>, <c>bonferroni</c>, <c>holm</c> or <c>bh</c>.</summary>
    public static string ToText(this MultipleTestingCorrection correction) => correction switch
    {
        MultipleTestingCorrection.None => "none",
        MultipleTestingCorrection.Bonferroni => "bonferroni",
        MultipleTestingCorrection.Holm => "holm",
        _ => "bh",
    };

    /// <summary>Parses a text form written by <see cref="ToText"/>.</summary>
    public static bool TryParse(string? text, out MultipleTestingCorrection correction)
    {
        foreach (var candidate in Enum.GetValues<MultipleTestingCorrection>())
        {
            if (string.Equals(candidate.ToText(), text, StringComparison.Ordinal))
            {
                correction = candidate;
                return true;
            }
        }

        correction = MultipleTestingCorrection.Holm;
        return false;
    }
}
