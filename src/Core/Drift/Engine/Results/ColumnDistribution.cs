namespace ModelGates.Drift.Engine.Results;

/// <summary>The shares of a column's values per bin or category, on the reference and the current side, for the report's charts.</summary>
/// <param name="Labels">Bin or category labels.</param>
/// <param name="Reference">Reference shares, one per label.</param>
/// <param name="Current">Current shares, one per label.</param>
public sealed record ColumnDistribution(IReadOnlyList<string> Labels, IReadOnlyList<double> Reference, IReadOnlyList<double> Current);
