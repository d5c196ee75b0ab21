using ModelGates.Diagnostics;
using ModelGates.Quality.Integrity;
using ModelGates.Quality.Review;

namespace ModelGates.Quality;

/// <summary>
/// Runs the checks of <see cref="QualityCheckRegistry"/> (or a chosen few) over a context, applies review decisions
/// (rows reviewed as fine no longer count; expired decisions and changed rows are noted), and judges each finding.
/// </summary>
internal static class QualityRunner
{
    /// <summary>Runs the checks.</summary>
    /// <param name="context">The data, reference and options.</param>
    /// <param name="checks">The checks to run, in report order.</param>
    /// <param name="review">Decisions read back from a review, or null.</param>
    /// <param name="today">The day decisions' expiry is judged against.</param>
    public static QualityReport Run(QualityContext context, IReadOnlyList<IQualityCheck> checks, ReviewDecisions? review, DateOnly today)
    {
        var outcomes = new List<QualityCheckOutcome>();
        var findings = new List<(IQualityCheck Check, QualityCheckSettings Settings, CheckFinding Finding)>();
        foreach (var check in checks)
        {
            var settings = context.Options.SettingsOf(check);
            var status = settings.Severity is null ? "off" : check.Applies(context) ? "ran" : "notApplicable";
            outcomes.Add(new QualityCheckOutcome(check.Id, check.Descriptor.Code, status, settings));
            if (status == "ran")
            {
                findings.AddRange(check.Run(context, settings).Select(f => (check, settings, f)));
            }
        }

        var notes = new List<Diagnostic>();
        long reviewed = 0;
        var identities = new ReviewIdentity(context.Data);
        if (review is not null)
        {
            var flagged = findings.SelectMany(f => f.Finding.Finding.Rows).Select(r => r.RowIndex);
            identities.Load(flagged);
            var applied = new List<(IQualityCheck, QualityCheckSettings, CheckFinding)>();
            var noted = new HashSet<ReviewDecision>();
            foreach (var (check, settings, finding) in findings)
            {
                var kept = new List<FlaggedRow>();
                foreach (var row in finding.Finding.Rows)
                {
                    var (key, hash) = identities.Of(row.RowIndex);
                    var decision = review.Find(finding.Finding.Check, key);
                    if (decision is null || !decision.IsOk)
                    {
                        kept.Add(row);
                    }
                    else if (!string.Equals(decision.RowHash, hash, StringComparison.Ordinal))
                    {
                        kept.Add(row);
                        Note(notes, noted, decision, DiagnosticCatalog.ReviewedRowChanged, review.File, $"Row '{key}' changed since it was reviewed as fine for '{decision.Check}'; the decision no longer applies and the row counts again.");
                    }
                    else if (decision.Expires < today)
                    {
                        kept.Add(row);
                        Note(notes, noted, decision, DiagnosticCatalog.ReviewDecisionExpired, review.File, $"The decision that row '{key}' is fine for '{decision.Check}' expired on {decision.Expires:yyyy-MM-dd}; the row counts again. Review it again or renew 'expires'.");
                    }
                }

                var removed = finding.Finding.Rows.Count - kept.Count;
                reviewed += removed;
                if (removed > 0 && kept.Count == 0 && finding.Finding.Count == finding.Finding.Rows.Count)
                {
                    continue;
                }

                applied.Add((check, settings, finding with
                {
                    Finding = context.Judge(finding.Finding with { Count = finding.Finding.Count - removed, Rows = kept }, settings),
                }));
            }

            findings = applied;
        }

        var listed = findings.SelectMany(f => f.Finding.Finding.Rows.Take(context.Options.MaxRows)).Select(r => r.RowIndex).Distinct();
        return new QualityReport
        {
            Data = context.Data.Display,
            DataFile = context.Data.Dataset.Source.Path,
            Reference = context.Reference?.Display,
            Rows = context.Data.Rows,
            Columns = context.Data.Columns.Count,
            Label = context.Data.Label,
            Key = context.Data.Key,
            Checks = outcomes,
            Findings = [.. findings.Select(f => f.Finding)],
            Keys = listed.ToDictionary(r => r, context.Data.KeyOf),
            MaxRows = context.Options.MaxRows,
            Notes = notes,
            Reviewed = reviewed,
        };
    }

    private static void Note(List<Diagnostic> notes, HashSet<ReviewDecision> noted, ReviewDecision decision, DiagnosticDescriptor descriptor, string file, string message)
    {
        if (noted.Add(decision))
        {
            notes.Add(descriptor.Create(message) with { File = file, Line = decision.Line, Check = decision.Check });
        }
    }
}

/// <summary>How review files name rows: the key columns' values (or the content hash without a key) and the content hash.</summary>
internal sealed class ReviewIdentity(QualityTable data)
{
    private readonly Dictionary<long, (string Key, string Hash, string?[] Values)> rows = [];

    /// <summary>Reads the values of the rows not yet known.</summary>
    public void Load(IEnumerable<long> indexes)
    {
        foreach (var (row, values) in RowValues.Of(data, data.Columns, indexes.Where(i => !rows.ContainsKey(i))))
        {
            var hash = RowContent.Hash(data.Columns, values);
            rows[row] = (data.Key.Count > 0 ? data.KeyOf(row) : hash, hash, values);
        }
    }

    /// <summary>The key and content hash of a loaded row.</summary>
    public (string Key, string Hash) Of(long row) => (rows[row].Key, rows[row].Hash);

    /// <summary>The values of a loaded row, in column order.</summary>
    public string?[] ValuesOf(long row) => rows[row].Values;
}
