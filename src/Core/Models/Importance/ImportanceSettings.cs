using ModelGates.Configuration.Json;

namespace ModelGates.Models.Importance;

/// <summary>
/// The <c>importance</c> block of a model gate (docs/explainability.md): how to measure permutation importance,
/// and the gates on it (forbidden columns in the top k, the shift against the baseline's importances).
/// </summary>
internal sealed record ImportanceSettings
{
    /// <summary>The default k of the top-k checks.</summary>
    public const int DefaultTopK = 5;

    /// <summary>Where the block is written.</summary>
    public required SourcePosition Position { get; init; }

    /// <summary>Repeats, seed, metric, resamples, confidence.</summary>
    public ImportanceOptions Options { get; init; } = new();

    /// <summary>How many of the most important columns the forbidden and top-k checks look at.</summary>
    public int TopK { get; init; } = DefaultTopK;

    /// <summary>Columns that must not be among the top k (proxies of a protected attribute), with where each is written.</summary>
    public IReadOnlyList<(string Column, SourcePosition Position)> Forbidden { get; init; } = [];

    /// <summary>The shift checks against the baseline's importances, or null when the gate declares none.</summary>
    public ImportanceShiftSettings? Shift { get; init; }
}

/// <summary>The <c>shift</c> of an <c>importance</c> block: how far the importances may move from the accepted ones.</summary>
internal sealed record ImportanceShiftSettings
{
    /// <summary>Where the block is written.</summary>
    public required SourcePosition Position { get; init; }

    /// <summary>The smallest rank correlation allowed between current and baseline importances, or null.</summary>
    public double? MinRankCorrelation { get; init; }

    /// <summary>Where <see cref="MinRankCorrelation"/> is written.</summary>
    public SourcePosition? MinRankCorrelationPosition { get; init; }

    /// <summary>The most columns allowed to enter the top k (as many leave it), or null.</summary>
    public int? MaxTopKChanges { get; init; }

    /// <summary>Where <see cref="MaxTopKChanges"/> is written.</summary>
    public SourcePosition? MaxTopKChangesPosition { get; init; }

    /// <summary>Spearman's ρ (default) or Kendall's τ-b.</summary>
    public RankCorrelationMethod Method { get; init; } = RankCorrelationMethod.Spearman;
}

/// <summary>The rank correlation of the shift check.</summary>
internal enum RankCorrelationMethod
{
    /// <summary>Spearman's ρ.</summary>
    Spearman,

    /// <summary>Kendall's τ-b.</summary>
    Kendall,
}
