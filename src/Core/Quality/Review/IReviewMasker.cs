namespace ModelGates.Quality.Review;

/// <summary>
/// Masks the values of sensitive columns before a row leaves for review. The privacy checks provide the masker of
/// columns marked sensitive or pii; until one is set, <see cref="NoMasking"/> passes values through.
/// </summary>
internal interface IReviewMasker
{
    /// <summary>The value to export for <paramref name="column"/>, masked when the column is sensitive.</summary>
    string? Mask(string column, string? value);
}

/// <summary>The masker of a run where no column is marked sensitive.</summary>
internal sealed class NoMasking : IReviewMasker
{
    /// <summary>The one instance.</summary>
    public static NoMasking Instance { get; } = new();

    /// <inheritdoc />
    public string? Mask(string column, string? value) => value;
}
