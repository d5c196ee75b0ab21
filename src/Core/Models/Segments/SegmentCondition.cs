using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Segments;

/// <summary>One condition of a segment: <c>Income &lt;= 24000</c>, <c>Home = RENT</c>.</summary>
/// <param name="Column">The column.</param>
/// <param name="Kind">How the value is compared.</param>
/// <param name="Threshold">The bound of a numeric condition.</param>
/// <param name="Category">The category of a categorical condition.</param>
/// <param name="WithMissing">True when rows missing the value satisfy it (<c>&gt;</c> and <c>!=</c> keep them), said in its text.</param>
internal sealed record SegmentCondition(string Column, ConditionKind Kind, double Threshold, string? Category, bool WithMissing)
{
    /// <summary>True when row <paramref name="row"/> of <paramref name="feature"/> satisfies the condition.</summary>
    public bool Holds(SegmentFeature feature, int row) => Kind switch
    {
        ConditionKind.AtMost => feature.Numbers![row] <= Threshold,
        ConditionKind.Above => !(feature.Numbers![row] <= Threshold),
        ConditionKind.Equal => string.Equals(feature.Categories![row], Category, StringComparison.Ordinal),
        _ => !string.Equals(feature.Categories![row], Category, StringComparison.Ordinal),
    };

    /// <summary>The condition as a reader writes it (<c>Income &lt;= 24000</c>, <c>Age &gt; 61 or missing</c>).</summary>
    public override string ToString()
    {
        var text = Kind switch
        {
            ConditionKind.AtMost => string.Create(CultureInfo.InvariantCulture, $"{Column} <= {Scalar.Format(Threshold)}"),
            ConditionKind.Above => string.Create(CultureInfo.InvariantCulture, $"{Column} > {Scalar.Format(Threshold)}"),
            ConditionKind.Equal => $"{Column} = {Category}",
            _ => $"{Column} != {Category}",
        };
        return WithMissing ? $"({text} or {Column} missing)" : text;
    }
}

/// <summary>How a condition compares.</summary>
internal enum ConditionKind
{
    /// <summary>A number at most the threshold.</summary>
    AtMost,

    /// <summary>A number above the threshold (or missing).</summary>
    Above,

    /// <summary>One category.</summary>
    Equal,

    /// <summary>Any other category (or missing).</summary>
    NotEqual,
}
