using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;
using ModelGates.Output;

namespace ModelGates.Profiles;

/// <summary>
/// Stored profiles of single partitions, one JSON profile per file named by its key: the SHA-256 of everything the
/// partition's profile depends on (its files' content hashes in order, its folder values and the partition columns'
/// types, the read options, the profile settings, and the versions of ModelGates and DuckDB). A partition whose files
/// are unchanged finds its profile; any change gives a new key, so an entry is never stale, only unused. Entries are
/// written atomically; an entry that cannot be read is recomputed and written again.
/// </summary>
internal sealed class PartitionProfileCache(string folder)
{
    private static readonly string ToolVersion =
        typeof(PartitionProfileCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The folder the profiles are stored in.</summary>
    public string Folder { get; } = folder;

    /// <summary>The key of one partition's profile (lower-case hex SHA-256).</summary>
    public static string Key(string duckDbVersion, DatasetSource source, DataFormat format, PartitionLayout layout, Partition partition, IReadOnlyList<string> fileHashes, ProfileSettings settings)
    {
        var text = new StringBuilder()
            .Append("modelgates partition profile 1\n")
            .Append("modelgates ").Append(ToolVersion).Append('\n')
            .Append("duckdb ").Append(duckDbVersion).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"settings {settings.QuantilePoints} {settings.HistogramBins} {settings.DriftBins} {settings.MaxCategories} {settings.TopTextValues}\n")
            .Append("format ").Append(format).Append('\n')
            .Append("read ").Append(Describe(source.Csv)).Append('\n')
            .Append("partition ").Append(string.Join("; ", layout.Keys.Select((k, i) => $"{k} {layout.Types[k]} {partition.Values[i]}"))).Append('\n');
        foreach (var hash in fileHashes)
        {
            text.Append("file ").Append(hash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The stored profile of <paramref name="key"/>, or null when there is none or it cannot be read.</summary>
    public DatasetProfile? TryRead(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return ProfileJsonReader.Read(path);
        }
        catch (ModelGatesException)
        {
            return null;
        }
    }

    /// <summary>Stores the profile of <paramref name="key"/>, atomically.</summary>
    /// <exception cref="ConfigurationException">The folder cannot be written (MG0154, exit code 2).</exception>
    public void Write(string key, DatasetProfile profile)
    {
        try
        {
            AtomicFile.Write(PathOf(key), ProfileJsonWriter.Write(profile));
        }
        catch (OutputException e)
        {
            throw new ConfigurationException(DiagnosticCatalog.PartitionCacheNotWritable.Create(
                $"Cannot store partition profiles in '{PathDisplay.For(Folder)}': {e.Diagnostics[0].Message} Point --partition-cache (or 'partitionCache' in modelgates.json) at a writable folder.")
                with { File = Folder });
        }
    }

    /// <summary>Where the profile of <paramref name="key"/> is stored: a folder per first two hex digits keeps folders small.</summary>
    public string PathOf(string key) => Path.Combine(Folder, key[..2], key + ".profile.json");

    private static string Describe(CsvOptions csv) =>
        string.Join(
            " ",
            $"delimiter={csv.Delimiter}",
            $"header={csv.Header}",
            $"quote={csv.Quote}",
            $"escape={csv.Escape}",
            $"null=[{string.Join("|", csv.NullStrings ?? [])}]",
            $"types=[{string.Join("|", (csv.ColumnTypes ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"))}]",
            $"encoding={csv.Encoding}",
            $"skip={csv.Skip}");
}
