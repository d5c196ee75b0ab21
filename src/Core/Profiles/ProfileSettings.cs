namespace ModelGates.Profiles;

/// <summary>The sizes that bound a profile's accuracy and size. Profiles merge only with equal settings.</summary>
public sealed record ProfileSettings
{
    /// <summary>Points of the quantile sketch (rank error 1/points when not exact). Default 512.</summary>
    public int QuantilePoints { get; init; } = 512;

    /// <summary>Bins of the display histogram. Default 20.</summary>
    public int HistogramBins { get; init; } = 20;

    /// <summary>Equal-frequency bins frozen for binned drift tests. Default 10 (deciles).</summary>
    public int DriftBins { get; init; } = 10;

    /// <summary>
    /// Most categories listed for a categorical column; a string column with more distinct values is text.
    /// Default 1,000.
    /// </summary>
    public int MaxCategories { get; init; } = 1000;

    /// <summary>Most frequent values listed for a text column. Default 20.</summary>
    public int TopTextValues { get; init; } = 20;

    /// <summary>The default settings.</summary>
    public static ProfileSettings Default { get; } = new();
}
