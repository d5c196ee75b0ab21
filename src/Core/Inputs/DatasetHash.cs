using System.Buffers;
using System.Security.Cryptography;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Inputs;

/// <summary>Content hashes that name exactly which bytes a result checked.</summary>
internal static class DatasetHash
{
    /// <summary>The prefix of every dataset hash this class writes.</summary>
    public const string Prefix = "sha256:";

    /// <summary>SHA-256 of the bytes of <paramref name="paths"/> read one after another in the order given (one file: the hash of that file).</summary>
    /// <exception cref="DataReadException">A file cannot be read (MG0110, exit code 3).</exception>
    public static string Of(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return OfFiles(paths.ToList()).Dataset;
    }

    /// <summary>
    /// The hash of a database dataset as a gate saw it: the provider, the relation as written (table name or query
    /// text), each column's name and engine type, then the aggregates that came back. Lines are separated by
    /// <c>\n</c>, names and types by a tab, so no two different inputs write the same text.
    /// </summary>
    public static string OfDatabase(string provider, string relation, IReadOnlyList<Sql.SqlColumn> columns, ReadOnlySpan<byte> aggregates)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new System.Text.StringBuilder("modelgates.database-dataset\n")
            .Append("provider\t").Append(provider).Append('\n')
            .Append("relation\t").Append(relation.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\t').Append(relation).Append('\n');
        foreach (var column in columns)
        {
            header.Append("column\t").Append(column.Name.Replace("\t", "\\t", StringComparison.Ordinal)).Append('\t').Append(column.EngineType).Append('\n');
        }

        header.Append("aggregates\n");
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(header.ToString()));
        hash.AppendData(aggregates);
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of bytes already in memory.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Prefix + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// In one read of each file: the dataset hash of <see cref="Of(IEnumerable{string})"/> and every file's own hash,
    /// which the list of inputs records.
    /// </summary>
    /// <exception cref="DataReadException">A file cannot be read (MG0110, exit code 3).</exception>
    public static DatasetHashes OfFiles(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var single = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Pooled and small enough to stay in the core's cache between the copy from the page cache and the hashing.
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 18);
        var files = new List<FileHash>(paths.Count);
        try
        {
            foreach (var path in paths)
            {
                var bytes = Append(path, buffer, paths.Count > 1 ? whole : null, single);
                files.Add(new FileHash(path, bytes, Convert.ToHexStringLower(single.GetHashAndReset())));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // One file: the dataset hash is the file's, so a single file is hashed once.
        var dataset = paths.Count == 1 ? files[0].Sha256 : Convert.ToHexStringLower(whole.GetHashAndReset());
        return new DatasetHashes(Prefix + dataset, files);
    }

    private static long Append(string path, byte[] buffer, IncrementalHash? whole, IncrementalHash single)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            long total = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                whole?.AppendData(buffer, 0, read);
                single.AppendData(buffer, 0, read);
                total += read;
            }

            return total;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataReadException(DiagnosticCatalog.DataUnreadable.Create($"Cannot read '{path}' to hash it: {e.Message}") with { File = path });
        }
    }
}

/// <summary>The hashes of a dataset's files.</summary>
/// <param name="Dataset">SHA-256 of every file's bytes in read order (<c>sha256:</c> and hex).</param>
/// <param name="Files">Each file's own hash.</param>
internal sealed record DatasetHashes(string Dataset, IReadOnlyList<FileHash> Files);

/// <summary>One file's content hash.</summary>
/// <param name="Path">The path as read.</param>
/// <param name="Bytes">The size.</param>
/// <param name="Sha256">Lower-case hex SHA-256, without prefix.</param>
public sealed record FileHash(string Path, long Bytes, string Sha256);
