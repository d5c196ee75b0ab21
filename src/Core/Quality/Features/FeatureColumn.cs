using ModelGates.Data;

namespace ModelGates.Quality.Features;

/// <summary>
/// One column a quality detector reads: numbers (NaN where missing) for a numeric column, text (null where missing)
/// for every other kind, which detectors treat as categories.
/// </summary>
internal sealed class FeatureColumn
{
    private FeatureColumn(string name, double[]? numbers, string?[]? categories)
    {
        Name = name;
        Numbers = numbers;
        Categories = categories;
    }

    /// <summary>The column name as in the data.</summary>
    public string Name { get; }

    /// <summary>The values of a numeric column, NaN where missing; null for a categorical column.</summary>
    public double[]? Numbers { get; }

    /// <summary>The values of a categorical column, null where missing; null for a numeric column.</summary>
    public string?[]? Categories { get; }

    /// <summary>Numeric or categorical.</summary>
    public ColumnKind Kind => Numbers is null ? ColumnKind.Categorical : ColumnKind.Numeric;

    /// <summary>The number of rows.</summary>
    public int Length => Numbers?.Length ?? Categories!.Length;

    /// <summary>A numeric column.</summary>
    public static FeatureColumn Numeric(string name, double[] values) => new(name, values, null);

    /// <summary>A categorical column.</summary>
    public static FeatureColumn Categorical(string name, string?[] values) => new(name, null, values);

    /// <summary>The value of a row as text, for a finding's details.</summary>
    public string Display(int row) => Numbers is { } numbers
        ? (double.IsNaN(numbers[row]) ? "(missing)" : numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture))
        : Categories![row] ?? "(missing)";
}
