namespace ModelGates.Lineage;

/// <summary>A training data file as it was when the model was saved.</summary>
public sealed class DataFileHash
{
    /// <summary>Creates the record of one data file.</summary>
    /// <param name="path">The path as the caller named it, with '/' separators.</param>
    /// <param name="sha256">Lower-case hexadecimal SHA-256 of the file's bytes.</param>
    /// <param name="length">The file's length in bytes.</param>
    internal DataFileHash(string path, string sha256, long length)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Sha256 = sha256 ?? throw new ArgumentNullException(nameof(sha256));
        Length = length;
    }

    /// <summary>The path as the caller named it (relative paths are resolved against a base directory when verified), with '/' separators.</summary>
    public string Path { get; }

    /// <summary>Lower-case hexadecimal SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; }

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; }
}
