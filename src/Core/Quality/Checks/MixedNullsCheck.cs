using ModelGates.Diagnostics;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>mixedNulls</c> (MG2105): a column that spells missing values more than one way (an empty field, <c>NA</c>,
/// <c>null</c>, <c>?</c>, ...). The rows of every spelling but the most frequent one are flagged.
/// </summary>
internal sealed class MixedNullsCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "mixedNulls";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.MixedNullSpellings;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Data.Rows > 0;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        foreach (var column in ColumnValues.Checked(context.Data))
        {
            var missing = ColumnValues.Rows(context.Data, column, ColumnValues.IsMissing(column));
            var spellings = missing.GroupBy(r => r.Value ?? "(empty)", StringComparer.Ordinal)
                .Select(g => (Spelling: g.Key, Count: g.Count()))
                .OrderByDescending(s => s.Count).ThenBy(s => s.Spelling, StringComparer.Ordinal)
                .ToList();
            if (spellings.Count < 2)
            {
                continue;
            }

            var usual = spellings[0].Spelling;
            var rows = missing.Where(r => !string.Equals(r.Value ?? "(empty)", usual, StringComparison.Ordinal))
                .Select(r => QualityContext.Row(r.Row, 1 - ((double)spellings.First(s => s.Spelling == (r.Value ?? "(empty)")).Count / missing.Count), ("value", r.Value ?? "(empty)"), ("usual", usual)))
                .OrderByDescending(r => r.Score).ThenBy(r => r.RowIndex)
                .ToList();
            yield return context.Finding(this, settings, column, rows.Count, rows);
        }
    }
}
