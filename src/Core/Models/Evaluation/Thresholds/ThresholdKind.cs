namespace ModelGates.Models.Evaluation.Thresholds;

/// <summary>The kinds of bound a metric can have (docs/evaluate.md#thresholds).</summary>
public enum ThresholdKind
{
    /// <summary>The metric must be at least the bound (passes at equality).</summary>
    Min,

    /// <summary>The metric must be at most the bound (passes at equality).</summary>
    Max,

    /// <summary>The metric may be worse than the baseline by at most the bound, in the metric's unit (direction-aware).</summary>
    MaxDrop,

    /// <summary>The metric may be worse than the baseline by at most the bound times the baseline's magnitude.</summary>
    MaxRelativeDrop,

    /// <summary>The largest minus the smallest value over the slices of a group must be at most the bound.</summary>
    MaxGap,
}

/// <summary>Text forms of <see cref="ThresholdKind"/> as written in modelgates.json and JSON output.</summary>
public static class ThresholdKindText
{
    /// <summary>Every kind's config key, in enum order.</summary>
    internal static IReadOnlyList<string> Keys { get; } = ["min", "max", "maxDrop", "maxRelativeDrop", "maxGap"];

    /// <summary>The config key (<c>maxRelativeDrop</c>).</summary>
    public static string ToKey(this ThresholdKind kind) => Keys[(int)kind];

    /// <summary>Parses a config key; false for an unknown one.</summary>
    internal static bool TryParse(string? key, out ThresholdKind kind)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            if (string.Equals(Keys[i], key, StringComparison.Ordinal))
            {
                kind = (ThresholdKind)i;
                return true;
            }
        }

        kind = ThresholdKind.Min;
        return false;
    }

    /// <summary>True for the kinds that compare against a baseline.</summary>
    public static bool IsChange(this ThresholdKind kind) => kind is ThresholdKind.MaxDrop or ThresholdKind.MaxRelativeDrop;
}
