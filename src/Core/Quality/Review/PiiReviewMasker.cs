using ModelGates.Quality.Privacy;

namespace ModelGates.Quality.Review;

/// <summary>
/// The review files' masker: a column the <c>pii</c> check flagged (personal data, or a special-category name) is
/// exported masked as its kind is (<c>j***@****.com</c>), any other column as the caller's masker says.
/// </summary>
internal sealed class PiiReviewMasker(IReadOnlyDictionary<string, PiiKind> personal, IReviewMasker fallback) : IReviewMasker
{
    /// <summary>The masker of a report: its pii findings' columns masked, then <paramref name="fallback"/>.</summary>
    public static IReviewMasker Of(QualityReport report, IReviewMasker fallback)
    {
        var personal = new Dictionary<string, PiiKind>(StringComparer.Ordinal);
        foreach (var finding in report.Findings.Select(f => f.Finding).Where(f => f.Check == PiiFindings.Check && f.Column is not null))
        {
            var kind = finding.Rows.SelectMany(r => r.Details).Where(d => d.Key == "kind")
                .Select(d => Enum.GetValues<PiiKind>().FirstOrDefault(k => k.Id() == d.Value)).FirstOrDefault();
            personal.TryAdd(finding.Column!, kind);
        }

        return personal.Count == 0 ? fallback : new PiiReviewMasker(personal, fallback);
    }

    /// <inheritdoc />
    public string? Mask(string column, string? value) =>
        personal.TryGetValue(column, out var kind) ? (value is null ? null : ValueMasker.Mask(value, kind)) : fallback.Mask(column, value);
}
