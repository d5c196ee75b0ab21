namespace ModelGates.Drift.Engine.Options;

/// <summary>When a column counts as drifted (docs/drift.md#judgement).</summary>
public enum DriftDecisionRule
{
    /// <summary>
    /// The default: the change is statistically significant (adjusted p-value below the significance level)
    /// and the effect is at least its threshold. Neither a tiny significant shift in a million rows nor a
    /// large-looking distance between a handful of rows is drift.
    /// </summary>
    Effect,

    /// <summary>Stricter: significant, and the lower bound of the effect's confidence interval is at least the threshold.</summary>
    LowerBound,

    /// <summary>
    /// The test alone, as other tools judge: p-value below the level for p-value tests, statistic at or above
    /// the threshold for distances. Flags negligible shifts in large samples and noise in small ones.
    /// </summary>
    TestOnly,
}

/// <summary>Text forms of <see cref="DriftDecisionRule"/>, as written on the command line and in JSON.</summary>
internal static class DriftDecisionRuleText
{
    /// <summary>Every text form, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["effect", "lower-bound", "test"];

    /// <summary>The text form: <c>effect</c>, <c>lower-bound</c> or <c>test</c>.</summary>
    public static string ToText(this DriftDecisionRule rule) => rule switch
    {
        DriftDecisionRule.Effect => "effect",
        DriftDecisionRule.LowerBound => "lower-bound",
        _ => "test",
    };

    /// <summary>Parses a text form written by <see cref="ToText"/>.</summary>
    public static bool TryParse(string? text, out DriftDecisionRule rule)
    {
        foreach (var candidate in Enum.GetValues<DriftDecisionRule>())
        {
            if (string.Equals(candidate.ToText(), text, StringComparison.Ordinal))
            {
                rule = candidate;
                return true;
            }
        }

        rule = DriftDecisionRule.Effect;
        return false;
    }
}
