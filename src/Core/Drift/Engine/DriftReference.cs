using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Inputs;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine;

/// <summary>
/// What current data is compared with: a loaded reference dataset (exact) or a stored reference profile
/// (kilobytes; binned tests exact, value tests on its quantile sketch within stated bounds). Either way it
/// carries the SHA-256 of its bytes, which every result records.
/// </summary>
public sealed class DriftReference
{
    private DriftReference(string path, string hash, long rows, LoadedDataset? dataset, DatasetProfile? profile, DirectCsvData? direct = null)
    {
        Direct = direct;
        Path = path;
        Hash = hash;
        Rows = rows;
        Dataset = dataset;
        Profile = profile;
    }

    /// <summary>The path (or glob) as given.</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the bytes (<c>sha256:</c> and hex).</summary>
    public string Hash { get; }

    /// <summary>Rows of the reference data.</summary>
    public long Rows { get; }

    /// <summary>The reference dataset, or null for a profile.</summary>
    public LoadedDataset? Dataset { get; }

    /// <summary>The reference profile, or null for a dataset.</summary>
    public DatasetProfile? Profile { get; }

    /// <summary>The reference data read straight from a plain CSV file, when it was read so.</summary>
    internal DirectCsvData? Direct { get; }

    /// <summary>True when the reference is a profile.</summary>
    public bool IsProfile => Profile is not null;

    /// <summary>A loaded dataset as the reference; its files are hashed unless <paramref name="hash"/> is given.</summary>
    public static DriftReference FromDataset(LoadedDataset dataset, string? hash = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new DriftReference(dataset.Source.Path, hash ?? DatasetHash.Of(dataset.Files.Select(f => f.Path)), dataset.Rows, dataset, null);
    }

    /// <summary>
    /// A plain CSV reference file read straight into memory (as the current side of <see cref="DriftEngine.TryCompareDirect"/>
    /// is), or null when it needs to be loaded as a table: then use <see cref="FromDataset"/>.
    /// </summary>
    /// <param name="engine">The engine used for sniffing and hashing.</param>
    /// <param name="source">The reference dataset.</param>
    /// <param name="hash">The file's hash, when being computed (awaited after the file is read, so hashing runs beside the reading); computed here when null.</param>
    /// <exception cref="DataReadException">The path names no readable data.</exception>
    public static DriftReference? TryReadDirect(DataEngine engine, DatasetSource source, Task<string>? hash = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(source);
        return DirectCsvReader.TryRead(engine, source) is { } data
            ? new DriftReference(data.Path, hash?.GetAwaiter().GetResult() ?? DatasetHash.Of([data.File.Path]), data.Rows, null, null, data)
            : null;
    }

    /// <summary>A profile already read, with the hash of the bytes it was read from.</summary>
    public static DriftReference FromProfile(DatasetProfile profile, string path, string hash)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new DriftReference(path, hash, profile.Rows, null, profile);
    }

    /// <summary>Reads and hashes a profile file in one read.</summary>
    /// <exception cref="ModelGatesException">The file does not exist (MG0010, exit code 2) or is not a valid profile (MG0111, exit code 3).</exception>
    public static DriftReference ReadProfile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Reference profile '{path}' does not exist.") with { File = path });
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataReadException(DiagnosticCatalog.InvalidProfile.Create($"Reference profile '{path}' cannot be read: {e.Message}") with { File = path });
        }

        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        var profile = ProfileJsonReader.Parse(reader.ReadToEnd(), path);
        return FromProfile(profile, path, DatasetHash.Of(bytes));
    }
}
