using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine;

/// <summary>
/// What current data is compared with: a loaded reference dataset (exact) or a stored reference profile
/// (kilobytes; binned tests exact, value tests on its quantile sketch within stated bounds). Either way it
/// carries the SHA-256 of its bytes, which every result records.
/// </summary>
public sealed class DriftReference
{
    private readonly Func<string> hash;

    private DriftReference(string path, Func<string> hash, long rows, LoadedDataset? dataset, DatasetProfile? profile, DirectCsvData? direct = null, Diagnostic? unparsed = null)
    {
        Direct = direct;
        Path = path;
        this.hash = hash;
        Rows = rows;
        Dataset = dataset;
        Profile = profile;
        Unparsed = unparsed;
    }

    /// <summary>The path (or glob) as given.</summary>
    internal string Path { get; }

    /// <summary>SHA-256 of the bytes (<c>sha256:</c> and hex); for data, waits for the hashing that runs beside the read.</summary>
    internal string Hash => hash();

    /// <summary>Raw reference data: the unparsed-row rule's finding (MG2001 or MG2013), or null.</summary>
    internal Diagnostic? Unparsed { get; }

    /// <summary>Rows of the reference data.</summary>
    internal long Rows { get; }

    /// <summary>The reference dataset, or null for a profile.</summary>
    internal LoadedDataset? Dataset { get; }

    /// <summary>The reference profile, or null for a dataset.</summary>
    internal DatasetProfile? Profile { get; }

    /// <summary>The reference data read straight from a plain CSV file, when it was read so.</summary>
    internal DirectCsvData? Direct { get; }

    /// <summary>True when the reference is a profile.</summary>
    internal bool IsProfile => Profile is not null;

    /// <summary>Reference data read by <see cref="InputPipeline.ReadColumns"/>: column arrays or a table.</summary>
    internal static DriftReference FromColumns(ColumnInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reference = input.Direct is { } direct
            ? new DriftReference(input.Source.Path, () => input.Hash, input.Rows, null, null, direct)
            : new DriftReference(input.Source.Path, () => input.Hash, input.Rows, input.Table, null, null, input.Unparsed);
        reference.Input = input;
        return reference;
    }

    /// <summary>Reference data: how the pipeline read it (its files' hashes among other things); null for a profile.</summary>
    internal ColumnInput? Input { get; private set; }

    /// <summary>
    /// Raw reference data beyond the memory limit: its profile written inside DuckDB (exact sketch, bins, counts, moments
    /// within rounding), whose numeric columns stand in for the values, which stay in the engine; null otherwise.
    /// </summary>
    internal DatasetProfile? EngineProfile { get; private init; }

    /// <summary>This raw reference compared inside DuckDB: its table and its profile written there.</summary>
    internal DriftReference InEngine(LoadedDataset dataset, DatasetProfile profile) =>
        new(Path, hash, Rows, dataset, null, null, Unparsed) { Input = Input, EngineProfile = profile };

    /// <summary>A loaded dataset as the reference; its files are hashed unless <paramref name="hash"/> is given.</summary>
    internal static DriftReference FromDataset(LoadedDataset dataset, string? hash = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var known = hash ?? DatasetHash.Of(dataset.Files.Select(f => f.Path));
        return new DriftReference(dataset.Source.Path, () => known, dataset.Rows, dataset, null);
    }

    /// <summary>A profile already read, with the hash of the bytes it was read from.</summary>
    internal static DriftReference FromProfile(DatasetProfile profile, string path, string hash)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new DriftReference(path, () => hash, profile.Rows, null, profile);
    }

    /// <summary>Reads and hashes a profile file in one read.</summary>
    /// <exception cref="DataReadException">The file does not exist (MG0101) or is not a valid profile (MG0111), both exit code 3 as for any data.</exception>
    internal static DriftReference ReadProfile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DataReadException(DiagnosticCatalog.DataNotFound.Create($"Reference profile '{PathDisplay.For(path)}' does not exist.") with { File = path });
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
