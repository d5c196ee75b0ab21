namespace ModelGates.Drift.Engine.Results;

/// <summary>
/// A dataset-level (multivariate) drift check: the domain classifier or the PCA reconstruction error
/// (docs/drift.md#multivariate-drift). It judges the rows as a whole, so it can flag a change no single column shows
/// (two correlated columns whose correlation flips).
/// </summary>
public sealed record DatasetDriftCheck
{
    /// <summary>The check: <c>domainClassifier</c> or <c>reconstruction</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The MG code a drift of this check is reported with (MG3020, MG3021), or the code of why it did not run.</summary>
    public required string Code { get; init; }

    /// <summary>The outcome.</summary>
    public required DatasetDriftStatus Status { get; init; }

    /// <summary>What <see cref="Statistic"/> measures (<c>auc</c>, <c>errorChange</c>), or null when not run.</summary>
    public string? Measure { get; init; }

    /// <summary>The statistic: the out-of-fold AUC of the classifier, or the relative change of the mean reconstruction error.</summary>
    public double? Statistic { get; init; }

    /// <summary>The statistic's confidence interval.</summary>
    public EffectInterval? Interval { get; init; }

    /// <summary>The threshold the interval is judged against.</summary>
    public double? Threshold { get; init; }

    /// <summary>Rows of the reference sample the check used.</summary>
    public long ReferenceRows { get; init; }

    /// <summary>Rows of the current sample the check used.</summary>
    public long CurrentRows { get; init; }

    /// <summary>The columns that separate the two sides most, largest share first (classifier gain, or share of the reconstruction error's change).</summary>
    public IReadOnlyList<FeatureShare> TopFeatures { get; init; } = [];

    /// <summary>One sentence: what was measured and how it was judged, or why the check did not run.</summary>
    public required string Message { get; init; }

    /// <summary>True when the check flagged drift.</summary>
    public bool Drifted => Status == DatasetDriftStatus.Drift;
}

/// <summary>A column's share of what separates the two sides.</summary>
/// <param name="Column">The column.</param>
/// <param name="Share">Its share, 0 to 1; the shares of every column add up to 1.</param>
public readonly record struct FeatureShare(string Column, double Share);

/// <summary>The outcome of a dataset-level drift check.</summary>
public enum DatasetDriftStatus
{
    /// <summary>Run, no drift.</summary>
    Ok,

    /// <summary>Run, drift.</summary>
    Drift,

    /// <summary>Not run: a side is a profile (no rows), too few rows or usable columns, or the check was turned off for a reason the message gives.</summary>
    NotRun,
}

/// <summary>Text forms of <see cref="DatasetDriftStatus"/>.</summary>
internal static class DatasetDriftStatusText
{
    /// <summary>Every text form, in enum order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ok", "drift", "notRun"];

    /// <summary>The text form.</summary>
    public static string ToText(this DatasetDriftStatus status) => Names[(int)status];

    /// <summary>Parses a text form.</summary>
    public static bool TryParse(string? text, out DatasetDriftStatus status)
    {
        var index = Names.ToList().IndexOf(text ?? string.Empty);
        status = index < 0 ? DatasetDriftStatus.NotRun : (DatasetDriftStatus)index;
        return index >= 0;
    }
}
