namespace ModelGates.Gates;

/// <summary>A model gate's permutation importances for the reports (docs/explainability.md).</summary>
/// <param name="Metric">The metric whose drop was measured.</param>
/// <param name="MetricValue">The metric on the unshuffled rows.</param>
/// <param name="Repeats">Shuffles of each column.</param>
/// <param name="Seed">Seed of the shuffles and resamples.</param>
/// <param name="Resamples">Row resamples behind each interval.</param>
/// <param name="Confidence">Confidence of the intervals.</param>
/// <param name="TopK">The k of the top-k checks.</param>
/// <param name="Features">Every column the model reads, most important first.</param>
internal sealed record ImportanceDetails(string Metric, double? MetricValue, int Repeats, ulong Seed, int Resamples, double Confidence, int TopK, IReadOnlyList<ImportanceFeatureDetails> Features)
{
    /// <summary>The forbidden columns the gate declares.</summary>
    public IReadOnlyList<string> Forbidden { get; init; } = [];

    /// <summary>The comparison with the baseline's importances, or null when there was none.</summary>
    public ImportanceShiftDetails? Shift { get; init; }
}

/// <summary>The importance of one column.</summary>
/// <param name="Column">The data column.</param>
/// <param name="Importance">The mean drop of the metric over the repeats, or null when undefined.</param>
/// <param name="StandardDeviation">Its standard deviation over the repeats, or null.</param>
/// <param name="Lower">The lower bound of its interval, or null.</param>
/// <param name="Upper">The upper bound of its interval, or null.</param>
/// <param name="Rank">1 for the most important column.</param>
internal sealed record ImportanceFeatureDetails(string Column, double? Importance, double? StandardDeviation, double? Lower, double? Upper, int Rank)
{
    /// <summary>The baseline's importance of the column, or null.</summary>
    public double? Baseline { get; init; }
}

/// <summary>How the importances moved from the baseline's.</summary>
/// <param name="Source">Where the baseline importances come from (the baseline file, or the baseline model measured on the same rows).</param>
/// <param name="Method"><c>spearman</c> or <c>kendall</c>.</param>
/// <param name="RankCorrelation">The rank correlation over the columns both measured, or null when undefined (fewer than two, or constant).</param>
/// <param name="Columns">How many columns both measured.</param>
/// <param name="Entered">Columns in the current top k that were not in the baseline's, in rank order.</param>
/// <param name="Left">Columns in the baseline's top k that are not in the current one, in the baseline's rank order.</param>
internal sealed record ImportanceShiftDetails(string Source, string Method, double? RankCorrelation, int Columns, IReadOnlyList<string> Entered, IReadOnlyList<string> Left);
