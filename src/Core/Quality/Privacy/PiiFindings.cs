using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Privacy;

/// <summary>
/// Turns scan results into quality findings (check id <c>pii</c>): one per column flagged by its values (MG2141,
/// its hit rows, checksum-valid first) and one per column whose name hints at a special category (MG2143, no rows).
/// Details carry only masked values.
/// </summary>
internal static class PiiFindings
{
    /// <summary>The check id of privacy findings.</summary>
    public const string Check = "pii";

    /// <summary>The findings of <paramref name="results"/>, in the order given, each with at most <paramref name="rowLimit"/> rows.</summary>
    public static IReadOnlyList<QualityFinding> ToFindings(IEnumerable<PiiColumnResult> results, int rowLimit, Severity severity = Severity.Warning)
    {
        var findings = new List<QualityFinding>();
        foreach (var result in results)
        {
            if (result.Flagged)
            {
                var hitCount = result.ChecksumValidHits + result.PatternOnlyHits;
                var rows = result.Hits
                    .OrderByDescending(h => h.ChecksumValid)
                    .ThenBy(h => h.RowIndex)
                    .Take(Math.Max(0, rowLimit))
                    .Select(h => new FlaggedRow(h.RowIndex, h.ChecksumValid ? 1.0 : 0.5,
                    [
                        new("kind", h.Kind.Id()),
                        new("checksum", h.ChecksumValid ? "valid" : "none"),
                        new("value", h.Masked),
                    ]))
                    .ToList();
                findings.Add(new QualityFinding(Check, DiagnosticCatalog.PiiUndeclared.Code, severity, result.Column, hitCount,
                    result.Sampled == 0 ? 0 : (double)hitCount / result.Sampled, rows));
            }

            if (result.SpecialCategory is not null)
            {
                findings.Add(new QualityFinding(Check, DiagnosticCatalog.SpecialCategoryName.Code, severity, result.Column, 0, 0, []));
            }
        }

        return findings;
    }

    /// <summary>A one-line summary of a flagged column, with masked examples only: <c>email in 120 of 827 sampled values (e.g. j***@****.com)</c>.</summary>
    public static string Describe(PiiColumnResult result)
    {
        var hits = result.ChecksumValidHits + result.PatternOnlyHits;
        var examples = result.MaskedExamples.Count == 0 ? string.Empty : $" (e.g. {string.Join(", ", result.MaskedExamples)})";
        return string.Create(CultureInfo.InvariantCulture, $"{result.KindList} in {hits} of {result.Sampled} sampled value(s), {result.ChecksumValidHits} checksum-valid{examples}");
    }
}
