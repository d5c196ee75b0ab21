using ModelGates.Data;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// One column of the reference as the engine compares it, read either from raw data (exact values) or
/// from a profile (a quantile sketch, frozen bins and category counts).
/// </summary>
internal sealed class ReferenceColumn
{
    public required string Name { get; init; }

    /// <summary>The resolved kind (strings are categorical or text by the profile rule).</summary>
    public required ColumnKind Kind { get; init; }

    public required string SqlType { get; init; }

    /// <summary>Non-missing values.</summary>
    public required long Count { get; init; }

    public required long Missing { get; init; }

    /// <summary>Distinct non-missing values (exact for raw data; the profile's count otherwise).</summary>
    public long Distinct { get; init; }

    /// <summary>Numeric and datetime columns: smallest and largest value, exact.</summary>
    public double Min { get; init; } = double.NaN;

    /// <inheritdoc cref="Min"/>
    public double Max { get; init; } = double.NaN;

    /// <summary>Numeric and datetime columns: the mean, exact (from the moments).</summary>
    public double Mean { get; init; } = double.NaN;

    /// <summary>Numeric and datetime columns: the population standard deviation, exact (from the moments).</summary>
    public double PopulationStandardDeviation { get; init; } = double.NaN;

    /// <summary>Raw data only: the sorted non-missing values.</summary>
    public NumericSample? Values { get; init; }

    /// <summary>Raw data only: the values as weighted points, compressed for the bootstrap.</summary>
    public Effects.WeightedPoints? BootstrapPoints { get; init; }

    /// <summary>Numeric and datetime columns: the quantile sketch (the profile's, or built from raw values by the same rule).</summary>
    public QuantileSketch? Sketch { get; init; }

    /// <summary>Numeric and datetime columns: the frozen bins.</summary>
    public ReferenceBins? Bins { get; init; }

    /// <summary>Categorical and boolean columns: the count of each listed category (boolean: <c>false</c>, <c>true</c>).</summary>
    public IReadOnlyDictionary<string, long> Categories { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Values not listed in <see cref="Categories"/> (a profile's incomplete categories); 0 when complete.</summary>
    public long OtherCategories { get; init; }

    /// <summary>True when the column comes from a profile.</summary>
    public bool FromProfile { get; init; }

    public long Rows => Count + Missing;

    public bool IsNumeric => Kind is ColumnKind.Numeric or ColumnKind.Datetime;
}
