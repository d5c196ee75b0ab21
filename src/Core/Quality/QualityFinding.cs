using ModelGates.Diagnostics;

namespace ModelGates.Quality;

/// <summary>One finding of a quality check: what was checked, its code and severity, and the rows behind it, most suspicious first.</summary>
/// <param name="Check">The check id: duplicates, conflictingLabels, leakage, labelErrors, outliers, pii, ...</param>
/// <param name="Code">The MG code, e.g. MG2101.</param>
/// <param name="Severity">The severity after thresholds.</param>
/// <param name="Column">The column concerned, or null for a row-level finding.</param>
/// <param name="Count">How many rows (or values) are concerned.</param>
/// <param name="Share">Count over the rows examined.</param>
/// <param name="Rows">The flagged rows, ranked most suspicious first (bounded by the caller's limit).</param>
internal sealed record QualityFinding(
    string Check, string Code, Severity Severity, string? Column, long Count, double Share, IReadOnlyList<FlaggedRow> Rows);

/// <summary>A flagged row: its 0-based data row index, a score (higher is more suspicious), and check-specific details.</summary>
internal sealed record FlaggedRow(long RowIndex, double Score, IReadOnlyList<KeyValuePair<string, string>> Details);
