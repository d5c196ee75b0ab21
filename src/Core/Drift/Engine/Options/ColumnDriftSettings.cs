namespace ModelGates.Drift.Engine.Options;

/// <summary>The settings one column is compared with: <see cref="DriftOptions"/> with the column's override merged over them.</summary>
/// <param name="Test">The test id, or <c>auto</c>.</param>
/// <param name="Threshold">The threshold of <paramref name="Test"/> in its units, or null for the test's default.</param>
/// <param name="Alpha">The significance level.</param>
/// <param name="EffectThreshold">The effect threshold, or null for the effect measure's default.</param>
/// <param name="MissingShareThreshold">The smallest change of the missing share that counts as drift.</param>
/// <param name="Weight">The column's importance in the dataset rule.</param>
/// <param name="Skip">True when the column is not compared.</param>
/// <param name="TestFromOverride">True when the test was set for this column (a test that does not apply is then an error, not a fallback).</param>
public sealed record ColumnDriftSettings(
    string Test,
    double? Threshold,
    double Alpha,
    double? EffectThreshold,
    double MissingShareThreshold,
    double Weight,
    bool Skip,
    bool TestFromOverride);
