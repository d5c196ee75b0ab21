using ModelGates.Data;

namespace ModelGates.Drift.Engine.Results;

/// <summary>
/// Everything the comparison of one column found, drifted or not: the test and its p-value, the effect
/// with its interval and minimum detectable effect, the missing-share check and the verdict. Written to
/// JSON field by field (docs/drift.md#json-output); the build layer maps each to its configuration line.
/// </summary>
public sealed record ColumnDriftResult
{
    /// <summary>The column name.</summary>
    public required string Column { get; init; }

    /// <summary>The column's kind in the reference.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>The verdict.</summary>
    public required ColumnDriftStatus Status { get; init; }

    /// <summary>The column's test id (the one asked for, or the significance test <c>auto</c> chose); null when not tested.</summary>
    public string? Test { get; init; }

    /// <summary>True when the automatic policy chose the test.</summary>
    public bool AutoSelected { get; init; }

    /// <summary>The statistic of <see cref="Test"/> (for a distance test, the distance).</summary>
    public double? Statistic { get; init; }

    /// <summary>The threshold of <see cref="Test"/> in its units (a significance level or a distance).</summary>
    public double? Threshold { get; init; }

    /// <summary>The p-value test behind <see cref="PValue"/>: <see cref="Test"/> itself, or the companion of a distance test.</summary>
    public string? PValueTest { get; init; }

    /// <summary>The p-value of <see cref="PValueTest"/>.</summary>
    public double? PValue { get; init; }

    /// <summary>How <see cref="PValue"/> was obtained.</summary>
    public PValueMethod? PValueMethod { get; init; }

    /// <summary>The p-value after the correction across columns; compared with <see cref="Alpha"/>.</summary>
    public double? PValueAdjusted { get; init; }

    /// <summary>The significance level.</summary>
    public double? Alpha { get; init; }

    /// <summary>The distance the effect is measured with (for example <c>wasserstein</c>, <c>wasserstein_rank</c>, <c>cohens_h</c>, <c>jensenshannon</c>).</summary>
    public string? EffectMeasure { get; init; }

    /// <summary>The effect: the distance between reference and current.</summary>
    public double? Effect { get; init; }

    /// <summary>The effect's bootstrap confidence interval.</summary>
    public EffectInterval? EffectInterval { get; init; }

    /// <summary>The smallest effect that counts as drift.</summary>
    public double? EffectThreshold { get; init; }

    /// <summary>The smallest effect these sample sizes can tell from noise (the (1 − α) percentile of the effect with no drift).</summary>
    public double? MinimumDetectableEffect { get; init; }

    /// <summary>Against a reference profile: the largest possible error of <see cref="Statistic"/> (0 when exact).</summary>
    public double? StatisticErrorBound { get; init; }

    /// <summary>Against a reference profile: the largest possible error of <see cref="Effect"/> (0 when exact).</summary>
    public double? EffectErrorBound { get; init; }

    /// <summary>What the tests compared.</summary>
    public DriftInputShape Input { get; init; } = DriftInputShape.None;

    /// <summary>True when the values drifted by the decision rule.</summary>
    public bool ValueDrifted { get; init; }

    /// <summary>Non-missing reference values.</summary>
    public long ReferenceCount { get; init; }

    /// <summary>Non-missing current values.</summary>
    public long CurrentCount { get; init; }

    /// <summary>Share of reference rows where the column is missing.</summary>
    public double? MissingShareReference { get; init; }

    /// <summary>Share of current rows where the column is missing.</summary>
    public double? MissingShareCurrent { get; init; }

    /// <summary>The p-value of the missing-share test (Fisher's exact or the two-proportion z-test).</summary>
    public double? MissingSharePValue { get; init; }

    /// <summary>The missing-share p-value after the correction across columns.</summary>
    public double? MissingSharePValueAdjusted { get; init; }

    /// <summary>The smallest change of the missing share that counts as drift.</summary>
    public double? MissingShareThreshold { get; init; }

    /// <summary>True when the missing share drifted: significant and changed by at least its threshold.</summary>
    public bool MissingShareDrifted { get; init; }

    /// <summary>Numeric and datetime columns: the share of current values below the reference's minimum.</summary>
    public double? BelowReferenceShare { get; init; }

    /// <summary>Numeric and datetime columns: the share of current values above the reference's maximum.</summary>
    public double? AboveReferenceShare { get; init; }

    /// <summary>The column's importance in the dataset rule.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Why a column was not tested, or how its test was chosen, when that needs saying.</summary>
    public string? Note { get; init; }

    /// <summary>True when the column counts as drifted (its values or missing share drifted, it is missing, or its kind changed).</summary>
    public bool Drifted => Status.CountsAsDrift();
}
