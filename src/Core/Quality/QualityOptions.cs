using ModelGates.Diagnostics;

namespace ModelGates.Quality;

/// <summary>How a quality run reads its data and judges its findings: the same settings from modelgates.json, the command line and C#.</summary>
public sealed record QualityOptions
{
    /// <summary>The label column, or null when the data has none (the checks that need one are skipped).</summary>
    public string? Label { get; init; }

    /// <summary>The key columns: a flagged row is named by their values, and they are never compared as features.</summary>
    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>The timestamp column of the freshness and volume checks, or null.</summary>
    public string? Timestamp { get; init; }

    /// <summary>The oldest the newest timestamp may be, or null for no freshness check.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>The period rows are counted per against the reference: day, week or month.</summary>
    public string Period { get; init; } = "day";

    /// <summary>The time ages are measured from (the run's time).</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>How many flagged rows each finding lists (its count covers them all).</summary>
    public int MaxRows { get; init; } = 20;

    /// <summary>The seed of the cross-validation folds.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>The folds of the cross-validated single-feature score.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Per check id, settings that replace the check's defaults.</summary>
    public IReadOnlyDictionary<string, QualityCheckSettings> Checks { get; init; } = new Dictionary<string, QualityCheckSettings>(StringComparer.Ordinal);

    /// <summary>The settings of a check: the override if any, else its defaults.</summary>
    internal QualityCheckSettings SettingsOf(IQualityCheck check) =>
        Checks.TryGetValue(check.Id, out var s) ? s : new QualityCheckSettings(check.DefaultSeverity, check.DefaultMaxShare, check.DefaultThreshold);
}

/// <summary>The judgement of one check.</summary>
/// <param name="Severity">The severity of a finding beyond the threshold; null turns the check off.</param>
/// <param name="MaxShare">The share of rows a finding may reach before it takes <paramref name="Severity"/> (below it, it is info).</param>
/// <param name="Threshold">A check-specific bound (the single-feature score's maximum AUC, the minimum volume ratio), or null for the default.</param>
public sealed record QualityCheckSettings(Severity? Severity, double MaxShare, double? Threshold);
