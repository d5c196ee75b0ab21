namespace ModelGates.Models.Resources;

/// <summary>
/// What a model costs: its file size and scoring speed on the evaluation rows (measured by <see cref="ResourceMeter"/>)
/// and what training cost (from its lineage record, when it carries one).
/// </summary>
internal sealed record ResourceUse
{
    /// <summary>Every measured value by resource id; a resource absent here could not be measured.</summary>
    public required IReadOnlyDictionary<string, double> Values { get; init; }

    /// <summary>Why a resource has no value (no lineage record, a record written before training was measured).</summary>
    public IReadOnlyDictionary<string, string> Missing { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Rows scored per pass.</summary>
    public required long Rows { get; init; }

    /// <summary>Timed passes over the rows (after one warm-up pass).</summary>
    public required int Passes { get; init; }
}
