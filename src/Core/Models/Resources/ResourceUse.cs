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

    /// <summary>
    /// The value of each timed pass by resource id (latency percentiles of each pass of single-row requests, the
    /// throughput of each batch pass), in pass order; resources measured once (size, training) have none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> PassValues { get; init; } = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);

    /// <summary>Rows scored per pass.</summary>
    public required long Rows { get; init; }

    /// <summary>Timed passes over the rows (after one warm-up pass).</summary>
    public required int Passes { get; init; }

    /// <summary>This measurement with the passes of <paramref name="other"/> appended to each timed resource's (values unchanged).</summary>
    public ResourceUse WithPassesOf(ResourceUse other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var passes = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var (id, values) in PassValues)
        {
            passes[id] = [.. values, .. other.PassValues.GetValueOrDefault(id, [])];
        }

        return this with { PassValues = passes };
    }
}
