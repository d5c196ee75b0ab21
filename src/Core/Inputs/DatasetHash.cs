using System.Buffers;
using System.Security.Cryptography;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>Content hashes that name exactly which bytes a drift result compared.</summary>
public static class DatasetHash
{
    /// <summary>The prefix of every hash this class writes.</summary>
    public const string Prefix = "sha256:";

    /// <summary>SHA-256 of the bytes of <paramref name="paths"/> read one after another in the order given (one file: the hash of that file).</summary>
    /// <exception cref="DataReadException">A file cannot be read (MG0110, exit code 3).</exception>
    public static string Of(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Pooled and small enough to stay in the core's cache between the copy from the page cache and the hashing.
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 18);
        try
        {
            Append(hash, paths, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Format(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of bytes already in memory.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Format(SHA256.HashData(bytes));

    private static void Append(IncrementalHash hash, IEnumerable<string> paths, byte[] buffer)
    {
        foreach (var path in paths)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataReadException(DiagnosticCatalog.DataUnreadable.Create($"Cannot read '{path}' to hash it: {e.Message}") with { File = path });
            }
        }
    }

    private static string Format(byte[] digest) => Prefix + Convert.ToHexStringLower(digest);
}
