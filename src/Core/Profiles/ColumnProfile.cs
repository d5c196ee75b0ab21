using ModelGates.Data;

namespace ModelGates.Profiles;

/// <summary>The summary of one column. Which parts are present depends on <see cref="Kind"/>.</summary>
public sealed record ColumnProfile
{
    /// <summary>The column name.</summary>
    public required string Name { get; init; }

    /// <summary>What the column holds.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>The DuckDB type it was read as.</summary>
    public required string SqlType { get; init; }

    /// <summary>Non-missing values.</summary>
    public required long Count { get; init; }

    /// <summary>Missing values (SQL NULL: empty fields and declared null strings).</summary>
    public required long Missing { get; init; }

    /// <summary>Distinct non-missing values.</summary>
    public required DistinctSketch Distinct { get; init; }

    /// <summary>For numeric and datetime columns (datetimes in seconds since 1970-01-01 UTC): the numeric summary.</summary>
    public NumericSummary? Numeric { get; init; }

    /// <summary>For categorical and boolean columns: every category (up to the limit) with its count; for text, the most frequent values.</summary>
    public CategoryCounts? Categories { get; init; }

    /// <summary>For text and categorical columns: moments of the string length.</summary>
    public Moments? Length { get; init; }

    /// <summary>For datetime columns: the earliest and latest value as ISO 8601 text.</summary>
    public (string Min, string Max)? TimeRange { get; init; }

    /// <summary>Share of missing values among all rows.</summary>
    public double MissingShare => Count + Missing == 0 ? 0 : (double)Missing / (Count + Missing);
}

/// <summary>Numeric statistics of a column.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Moments">Count, mean and M2.</param>
/// <param name="Quantiles">The quantile sketch.</param>
/// <param name="Histogram">Equal-width histogram for display.</param>
/// <param name="Bins">The frozen reference bins for binned drift tests.</param>
public sealed record NumericSummary(double Min, double Max, Moments Moments, QuantileSketch Quantiles, Histogram Histogram, ReferenceBins Bins);
