using ModelGates.Diagnostics;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>mixedTypes</c> (MG2104): a column where some values read as numbers and others as text (missing-value spellings
/// aside). The rows of the rarer kind are flagged: they are the likelier mistakes.
/// </summary>
internal sealed class MixedTypesCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "mixedTypes";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.MixedTypes;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Data.Rows > 0;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        foreach (var (column, (numbers, texts)) in ColumnValues.Kinds(context.Data).Where(k => k.Value.Numbers > 0 && k.Value.Texts > 0).OrderBy(k => context.Data.IndexOf(k.Key)))
        {
            var textIsRare = texts <= numbers;
            var condition = textIsRare ? $"NOT {ColumnValues.IsMissing(column)} AND NOT {ColumnValues.IsNumber(column)}" : ColumnValues.IsNumber(column);
            var score = 1 - ((double)Math.Min(numbers, texts) / (numbers + texts));
            var rows = ColumnValues.Rows(context.Data, column, condition)
                .Select(r => QualityContext.Row(r.Row, score, ("value", r.Value ?? string.Empty), ("type", textIsRare ? "text" : "number"), ("columnType", textIsRare ? "number" : "text")))
                .ToList();
            yield return context.Finding(this, settings, column, rows.Count, rows);
        }
    }
}
