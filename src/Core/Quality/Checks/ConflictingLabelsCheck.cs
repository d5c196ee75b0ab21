using ModelGates.Diagnostics;
using ModelGates.Quality.Integrity;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>conflictingLabels</c> (MG2101): groups of rows with identical features and more than one label. Every row of such
/// a group is flagged with its group number and label; a row whose label is rarer in its group scores higher (it is
/// the likelier mistake).
/// </summary>
internal sealed class ConflictingLabelsCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "conflictingLabels";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConflictingLabels;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Data.Label is not null;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var labels = context.Hashes.Labels!;
        var candidates = HashGroups.Candidates(context.Hashes.Features)
            .Where(g => g.Select(r => labels[r]).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .ToList();
        var groups = HashGroups.Verified(context.Data, context.Data.Features, candidates)
            .Where(g => g.Select(r => labels[r]).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .ToList();
        var rows = new List<(FlaggedRow Row, int Group)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var byLabel = group.GroupBy(r => labels[r] ?? string.Empty, StringComparer.Ordinal).Select(l => (Label: l.Key, Count: l.Count())).OrderByDescending(l => l.Count).ToList();
            // The group's majority label is the suggestion; a tie suggests nothing.
            var suggested = byLabel[0].Count > byLabel[1].Count ? byLabel[0].Label : string.Empty;
            foreach (var row in group)
            {
                var same = group.Count(r => string.Equals(labels[r], labels[row], StringComparison.Ordinal));
                var score = 1 - ((double)same / group.Count);
                rows.Add((QualityContext.Row(row, score, ("group", QualityContext.Text(g + 1)), ("label", labels[row] ?? string.Empty), ("suggested", suggested), ("groupRows", string.Join(" ", group.Select(context.Data.KeyOf)))), g));
            }
        }

        if (rows.Count > 0)
        {
            var ranked = rows.OrderByDescending(r => r.Row.Score).ThenBy(r => r.Group).ThenBy(r => r.Row.RowIndex).Select(r => r.Row).ToList();
            yield return context.Finding(this, settings, context.Data.Label, ranked.Count, ranked);
        }
    }
}
