namespace ModelGates.Lineage;

/// <summary>Why a recorded training data file no longer matches the file on disk.</summary>
public enum DataFileMismatchKind
{
    /// <summary>The file does not exist any more.</summary>
    Missing,

    /// <summary>The file exists but its SHA-256 differs from the recorded one.</summary>
    Changed,
}

/// <summary>A recorded training data file that differs from what is on disk now.</summary>
public sealed class DataFileMismatch
{
    /// <summary>Creates a mismatch.</summary>
    /// <param name="recorded">The file as recorded in the lineage.</param>
    /// <param name="resolvedPath">The full path that was checked.</param>
    /// <param name="kind">Missing or changed.</param>
    /// <param name="actualSha256">The file's SHA-256 now; null when it is missing.</param>
    internal DataFileMismatch(DataFileHash recorded, string resolvedPath, DataFileMismatchKind kind, string? actualSha256)
    {
        Recorded = recorded ?? throw new ArgumentNullException(nameof(recorded));
        ResolvedPath = resolvedPath ?? throw new ArgumentNullException(nameof(resolvedPath));
        Kind = kind;
        ActualSha256 = actualSha256;
    }

    /// <summary>The file as recorded in the lineage.</summary>
    public DataFileHash Recorded { get; }

    /// <summary>The full path that was checked.</summary>
    public string ResolvedPath { get; }

    /// <summary>Missing or changed.</summary>
    public DataFileMismatchKind Kind { get; }

    /// <summary>The file's SHA-256 now; null when it is missing.</summary>
    public string? ActualSha256 { get; }

    /// <inheritdoc />
    public override string ToString() => Kind == DataFileMismatchKind.Missing
        ? Recorded.Path + ": missing (recorded sha256 " + Recorded.Sha256 + ")"
        : Recorded.Path + ": sha256 " + ActualSha256 + ", recorded " + Recorded.Sha256;
}
