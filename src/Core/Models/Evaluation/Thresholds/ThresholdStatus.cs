namespace ModelGates.Models.Evaluation.Thresholds;

/// <summary>What became of one threshold.</summary>
public enum ThresholdStatus
{
    /// <summary>The metric meets the bound (or a change beyond it is not significant, when significance is required).</summary>
    Passed,

    /// <summary>The metric breaks the bound.</summary>
    Failed,

    /// <summary>The metric has no value on these rows: never a pass.</summary>
    Undefined,

    /// <summary>Too few rows (a slice under minSliceRows) or too few gated slices for a gap: reported, not gated.</summary>
    Insufficient,

    /// <summary>A change threshold without a baseline to compare with.</summary>
    NoBaseline,
}
