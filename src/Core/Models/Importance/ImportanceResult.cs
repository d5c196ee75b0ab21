namespace ModelGates.Models.Importance;

/// <summary>The permutation importances of one model on one holdout.</summary>
/// <param name="Metric">The metric whose drop was measured.</param>
/// <param name="MetricValue">The metric on the unshuffled rows.</param>
/// <param name="Options">Repeats, seed, resamples and confidence used.</param>
/// <param name="Features">Every data column the model reads, most important first.</param>
internal sealed record ImportanceResult(string Metric, double MetricValue, ImportanceOptions Options, IReadOnlyList<FeatureImportance> Features)
{
    /// <summary>The columns of the top <paramref name="k"/> ranks (fewer when the model reads fewer columns).</summary>
    public IReadOnlyList<string> TopK(int k) => [.. Features.Take(k).Select(f => f.Column)];

    /// <summary>The importance of each column by name.</summary>
    public IReadOnlyDictionary<string, double> ByColumn() => Features.ToDictionary(f => f.Column, f => f.Importance, StringComparer.Ordinal);
}
