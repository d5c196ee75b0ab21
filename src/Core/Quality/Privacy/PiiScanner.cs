namespace ModelGates.Quality.Privacy;

/// <summary>
/// Detects personal data in a column from a sample of its values and its name (docs/privacy.md). A column is flagged
/// on one checksum-valid hit (a card that passes Luhn, an IBAN that passes mod 97, a national identifier whose check
/// holds: chance agreement is rare enough), or when pattern-only hits reach max(<see cref="MinPatternHits"/>,
/// <see cref="MinPatternShare"/> of the sampled values), so a stray address in a comment column does not flag it.
/// </summary>
internal static class PiiScanner
{
    /// <summary>The most values a caller samples from a column (evenly spaced over its rows; see <see cref="SampleStep"/>).</summary>
    public const int SampleSize = 10_000;

    /// <summary>Fewest pattern-only hits that flag a column.</summary>
    public const int MinPatternHits = 5;

    /// <summary>Smallest share of pattern-only hits among sampled values that flags a column.</summary>
    public const double MinPatternShare = 0.10;

    private const int ExampleCount = 3;

    /// <summary>Every how many rows a sample takes one, so that at most <see cref="SampleSize"/> rows are read, spread over the whole data.</summary>
    public static long SampleStep(long rows) => Math.Max(1, (rows + SampleSize - 1) / SampleSize);

    /// <summary>Scans a sample of a column's values (missing values are skipped); row indexes are the positions in the sample.</summary>
    public static PiiColumnResult Scan(string column, IReadOnlyList<string?> values) =>
        ScanRows(column, values.Select((v, i) => ((long)i, v)));

    /// <summary>Scans a sample of a column's values, each with its 0-based row index in the data.</summary>
    public static PiiColumnResult ScanRows(string column, IEnumerable<(long RowIndex, string? Value)> values)
    {
        long sampled = 0;
        var counts = new Dictionary<PiiKind, long>();
        var hits = new List<PiiHit>();
        foreach (var (row, value) in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            sampled++;
            if (PiiValueDetector.Detect(value) is { } kind)
            {
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                hits.Add(new PiiHit(row, kind, ValueMasker.Mask(value, kind)));
            }
        }

        var checksum = hits.LongCount(h => h.ChecksumValid);
        var pattern = hits.Count - checksum;
        var flagged = checksum > 0 || pattern >= Math.Max(MinPatternHits, MinPatternShare * sampled);
        var kinds = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Id(), StringComparer.Ordinal).ToList();
        return new PiiColumnResult(
            column,
            sampled,
            kinds,
            checksum,
            pattern,
            flagged,
            SpecialCategories.Hint(column),
            hits.Select(h => h.Masked).Take(ExampleCount).ToList(),
            hits);
    }
}
