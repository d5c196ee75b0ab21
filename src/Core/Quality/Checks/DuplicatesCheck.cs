using ModelGates.Diagnostics;
using ModelGates.Quality.Integrity;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>duplicates</c> (MG2100): rows equal to an earlier row in every column but the key. The count is the rows that
/// repeat an earlier one (pandas' <c>duplicated()</c>); each flagged row names the first row it repeats.
/// </summary>
internal sealed class DuplicatesCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "duplicates";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.DuplicateRows;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => true;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var columns = context.Data.Features.Concat(context.Data.Label is null ? [] : [context.Data.Label]).ToList();
        var groups = HashGroups.Verified(context.Data, columns, HashGroups.Candidates(context.Hashes.Rows));
        var rows = groups
            .SelectMany(g => g.Skip(1).Select(r => (Row: r, First: g[0], Size: g.Count)))
            .OrderByDescending(r => r.Size).ThenBy(r => r.Row)
            .Select(r => QualityContext.Row(r.Row, r.Size, ("duplicateOf", context.Data.KeyOf(r.First)), ("copies", QualityContext.Text(r.Size))))
            .ToList();
        if (rows.Count > 0)
        {
            yield return context.Finding(this, settings, null, rows.Count, rows);
        }
    }
}
