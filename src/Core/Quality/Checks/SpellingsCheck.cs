using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>spellings</c> (MG2106): one value written several ways in a text column (<c>"Rent"</c>, <c>"rent "</c>):
/// values equal once lower-cased and trimmed. The most frequent spelling is taken as meant; rows of the others are flagged.
/// </summary>
internal sealed class SpellingsCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "spellings";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ValueSpellings;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Data.Rows > 0;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var data = context.Data;
        foreach (var (column, _) in ColumnValues.Kinds(data).Where(k => k.Value.Texts > k.Value.Numbers).OrderBy(k => data.IndexOf(k.Key)))
        {
            var text = QualityTable.Text(column);
            var spellings = data.Engine.Query(
                $"SELECT lower(trim({text})), {text}, count(*) FROM {data.Table} WHERE NOT {ColumnValues.IsMissing(column)} GROUP BY 1, 2",
                r => (Normal: r.GetString(0), Value: r.GetString(1), Count: SqlValue.ToInt64(r.GetValue(2))));
            var meant = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var group in spellings.GroupBy(s => s.Normal, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var usual = group.OrderByDescending(s => s.Count).ThenBy(s => s.Value, StringComparer.Ordinal).First();
                foreach (var other in group.Where(s => s.Value != usual.Value))
                {
                    meant[other.Value] = usual.Value;
                }
            }

            if (meant.Count == 0)
            {
                continue;
            }

            var counts = spellings.ToDictionary(s => s.Value, s => s.Count, StringComparer.Ordinal);
            var rows = ColumnValues.Rows(data, column, $"{text} IN ({string.Join(", ", meant.Keys.Order(StringComparer.Ordinal).Select(SqlText.Literal))})")
                .Select(r => QualityContext.Row(r.Row, 1 - ((double)counts[r.Value!] / (counts[r.Value!] + counts[meant[r.Value!]])), ("value", r.Value!), ("suggested", meant[r.Value!])))
                .OrderByDescending(r => r.Score).ThenBy(r => r.RowIndex)
                .ToList();
            yield return context.Finding(this, settings, column, rows.Count, rows);
        }
    }
}
