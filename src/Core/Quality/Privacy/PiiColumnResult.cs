namespace ModelGates.Quality.Privacy;

/// <summary>What <see cref="PiiScanner"/> found in one column's sample.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Sampled">The non-missing values scanned.</param>
/// <param name="Kinds">Each kind found, with its number of hits, most hits first (ties by kind id).</param>
/// <param name="ChecksumValidHits">Hits whose check digit or checksum holds (cards, IBANs, national identifiers).</param>
/// <param name="PatternOnlyHits">Hits of a kind that has no checksum (e-mail, phone, IP address, US SSN).</param>
/// <param name="Flagged">Whether the column holds personal data: one checksum-valid hit, or pattern-only hits reaching max(5, 10 %) of <paramref name="Sampled"/>.</param>
/// <param name="SpecialCategory">The GDPR art. 9 category the column's name hints at (<c>health</c>, ...), or null.</param>
/// <param name="MaskedExamples">Up to three hits, masked with <see cref="ValueMasker"/>, in sample order.</param>
/// <param name="Hits">The sample positions (or row indexes given to the scanner) of the hits, with their kind, in sample order.</param>
internal sealed record PiiColumnResult(
    string Column,
    long Sampled,
    IReadOnlyList<KeyValuePair<PiiKind, long>> Kinds,
    long ChecksumValidHits,
    long PatternOnlyHits,
    bool Flagged,
    string? SpecialCategory,
    IReadOnlyList<string> MaskedExamples,
    IReadOnlyList<PiiHit> Hits)
{
    /// <summary>The kind with the most hits (the column's kind for masking), or <see cref="PiiKind.Other"/>.</summary>
    public PiiKind MainKind => Kinds.Count == 0 ? PiiKind.Other : Kinds[0].Key;

    /// <summary>Whether outputs must mask this column's values: flagged by its values or its name.</summary>
    public bool IsPersonal => Flagged || SpecialCategory is not null;

    /// <summary>The kinds found, as ids, e.g. <c>email, phone</c>.</summary>
    public string KindList => string.Join(", ", Kinds.Select(k => k.Key.Id()));
}

/// <summary>One recognised value: where it was and what kind, and its masked form.</summary>
/// <param name="RowIndex">The 0-based row index given to the scanner (the sample position when none was given).</param>
/// <param name="Kind">The kind recognised.</param>
/// <param name="Masked">The value masked.</param>
internal sealed record PiiHit(long RowIndex, PiiKind Kind, string Masked)
{
    /// <summary>Whether the hit passed a checksum.</summary>
    public bool ChecksumValid => Kind.HasChecksum();
}
