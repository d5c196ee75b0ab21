using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Outliers;

/// <summary>The settings of the outlier check (docs/quality-label-errors.md#outliers).</summary>
internal sealed record OutlierOptions
{
    /// <summary>The columns compared; null for every column but the excluded ones.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns left out (keys, the label, identifiers).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The neighbours each row is compared with (k); null for 1% of the rows examined, at least 10 (as Deepchecks' 1%).</summary>
    public int? Neighbors { get; init; }

    /// <summary>The neighbours used for <paramref name="rows"/> examined rows.</summary>
    public int NeighborsFor(int rows) => Neighbors ?? Math.Max(10, rows / 100);

    /// <summary>LoOP's extent λ: how many standard deviations make a row an outlier (3 is LoOP's and Deepchecks' default).</summary>
    public double Extent { get; init; } = 3.0;

    /// <summary>The outlier probability from which a row is flagged.</summary>
    public double MinProbability { get; init; } = 0.8;

    /// <summary>LoOP compares every pair of rows (O(n²)): above this many rows it scores a seeded sample of this size.</summary>
    public int MaxRows { get; init; } = 5000;

    /// <summary>The seed of the sample.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The most distinct values a categorical column may have (more and Gower's equality test means nothing).</summary>
    public int MaxCategories { get; init; } = 100;

    /// <summary>The severity of a finding whose flagged share exceeds <see cref="MaxShare"/>; below it the finding is info.</summary>
    public Severity Severity { get; init; } = Severity.Warning;

    /// <summary>The flagged share tolerated before the finding takes <see cref="Severity"/>; 0 warns on any flagged row.</summary>
    public double MaxShare { get; init; }

    /// <summary>How many flagged rows the finding lists, most suspicious first.</summary>
    public int MaxFlagged { get; init; } = 100;

    /// <summary>Throws MG2157 (exit code 2) for an option out of range.</summary>
    public void Validate()
    {
        Require(Neighbors is null or >= 1, $"neighbors must be at least 1 (got {Neighbors}).");
        Require(MaxRows > NeighborsFor(MaxRows), $"maxRows must exceed neighbors (got {MaxRows} and {NeighborsFor(MaxRows)}).");
        Require(Extent > 0, string.Create(CultureInfo.InvariantCulture, $"extent must be positive (got {Extent})."));
        Require(MinProbability is > 0 and <= 1, string.Create(CultureInfo.InvariantCulture, $"minProbability must lie in (0, 1] (got {MinProbability})."));
        Require(MaxShare is >= 0 and <= 1, string.Create(CultureInfo.InvariantCulture, $"maxShare must lie in [0, 1] (got {MaxShare})."));
        Require(MaxCategories >= 2, $"maxCategories must be at least 2 (got {MaxCategories}).");
        Require(MaxFlagged >= 0, $"maxFlagged must not be negative (got {MaxFlagged}).");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ConfigurationException(DiagnosticCatalog.QualityOptionInvalid.Create(message));
        }
    }
}
