using ModelGates.Configuration.Json;

namespace ModelGates.Drift.Engine.Options;

/// <summary>
/// Attribution-weighted drift (docs/explainability.md#attribution-weighted-drift): a drift gate's
/// <c>"weights": "importance:&lt;model gate&gt;"</c> makes each column's weight in the dataset rule its share of
/// that model's permutation importance, so a drifted column the model relies on moves the rule more than one it
/// ignores. Importances are clamped at 0 and normalised to sum to 1; every column gets at least
/// <see cref="Floor"/>, so a column the model does not read (or whose importance is 0) still counts a little,
/// and a weight written in a column's override wins.
/// </summary>
/// <param name="ModelGate">The model gate whose importances weigh the columns.</param>
/// <param name="Position">Where <c>weights</c> is written.</param>
internal sealed record ImportanceWeights(string ModelGate, SourcePosition Position)
{
    /// <summary>The prefix of the <c>weights</c> value.</summary>
    public const string Prefix = "importance:";

    /// <summary>The weight of a column without importance: 2% of the total importance.</summary>
    public const double Floor = 0.02;

    /// <summary>Each column's weight from its importance: max(importance, 0) / Σ max(importance, 0), at least <see cref="Floor"/>.</summary>
    public static IReadOnlyDictionary<string, double> FromImportances(IReadOnlyDictionary<string, double> importances)
    {
        ArgumentNullException.ThrowIfNull(importances);
        var total = importances.Values.Where(double.IsFinite).Sum(v => Math.Max(v, 0));
        return importances.ToDictionary(
            p => p.Key,
            p => total > 0 && double.IsFinite(p.Value) ? Math.Max(Math.Max(p.Value, 0) / total, Floor) : Floor,
            StringComparer.Ordinal);
    }

    /// <summary>
    /// <paramref name="options"/> with each column weighed by <paramref name="weights"/> (columns not listed weigh
    /// <see cref="Floor"/>), except where an override already sets a weight.
    /// </summary>
    public static DriftOptions Apply(DriftOptions options, IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(weights);
        var overrides = new Dictionary<string, ColumnDriftOverride>(options.Overrides, StringComparer.Ordinal);
        foreach (var (column, weight) in weights)
        {
            var existing = overrides.GetValueOrDefault(column) ?? new ColumnDriftOverride();
            if (existing.Weight is null)
            {
                overrides[column] = existing with { Weight = weight };
            }
        }

        return options with { Overrides = overrides, DefaultColumnWeight = Floor };
    }
}
