namespace ModelGates.Quality.Integrity;

/// <summary>
/// Equality of row hashes for dictionaries keyed by them: a row hash is already uniformly spread, so its low bits are
/// its hash code (<see cref="UInt128"/>'s own mixes both halves again, per lookup, over a million rows).
/// </summary>
internal sealed class RowHashComparer : IEqualityComparer<UInt128>
{
    /// <summary>The one instance.</summary>
    public static RowHashComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(UInt128 x, UInt128 y) => x == y;

    /// <inheritdoc />
    public int GetHashCode(UInt128 obj) => (int)(ulong)obj;
}
