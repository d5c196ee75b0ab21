using System.Security.Cryptography;
using System.Text;

namespace ModelGates.Lineage;

internal static class FileHashing
{
    public static string Resolve(string path, string? baseDirectory) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), path));

    public static string Sha256(string fullPath)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(stream);
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Recorded paths use '/' so a record written on Windows verifies on Linux and back.</summary>
    public static string Portable(string path) => path.Replace('\\', '/');
}
