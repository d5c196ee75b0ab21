namespace ModelGates.Drift.Engine.Results;

/// <summary>What a column's test compared.</summary>
public enum DriftInputShape
{
    /// <summary>The sorted non-missing values of both sides (exact).</summary>
    Values,

    /// <summary>The current values against the quantile sketch of a reference profile (within the stated error bound).</summary>
    Sketch,

    /// <summary>Counts over the reference's frozen bins (exact, also against a profile).</summary>
    Bins,

    /// <summary>Counts over the union of categories (exact).</summary>
    Categories,

    /// <summary>Nothing: the column was not tested.</summary>
    None,
}

/// <summary>Text forms of <see cref="DriftInputShape"/> as written in JSON.</summary>
internal static class DriftInputShapeText
{
    /// <summary>The JSON form: <c>values</c>, <c>sketch</c>, <c>bins</c>, <c>categories</c> or <c>none</c>.</summary>
    public static string ToText(this DriftInputShape shape) => shape switch
    {
        DriftInputShape.Values => "values",
        DriftInputShape.Sketch => "sketch",
        DriftInputShape.Bins => "bins",
        DriftInputShape.Categories => "categories",
        _ => "none",
    };
}
