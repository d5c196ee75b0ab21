namespace ModelGates.Drift.Engine.Options;

/// <summary>
/// Settings for one column that replace the defaults of <see cref="DriftOptions"/>. Every property left
/// null keeps the default, so an override of the threshold never resets the test, the weight or
/// anything else. One rule ties two of them: a threshold is in its test's units (a p-value or a
/// distance), so an override that changes the test without giving a threshold uses that test's
/// default threshold rather than the one given for the default test.
/// </summary>
public sealed record ColumnDriftOverride
{
    /// <summary>The test id (<c>auto</c> or a <see cref="DriftTestRegistry"/> id), or null for the default.</summary>
    public string? Test { get; init; }

    /// <summary>The threshold of <see cref="Test"/> in its units, or null.</summary>
    public double? Threshold { get; init; }

    /// <summary>The significance level, or null.</summary>
    public double? Alpha { get; init; }

    /// <summary>The effect threshold (a distance), or null.</summary>
    public double? EffectThreshold { get; init; }

    /// <summary>The smallest change of the missing share (absolute, 0 to 1) that counts as drift, or null.</summary>
    public double? MissingShareThreshold { get; init; }

    /// <summary>The column's importance in the dataset rule (default 1), or null.</summary>
    public double? Weight { get; init; }

    /// <summary>True to leave the column out of the comparison (it is reported as not compared), or null.</summary>
    public bool? Skip { get; init; }
}
