using System.Security.Cryptography;
using System.Text;

namespace ModelGates.Quality.Review;

/// <summary>
/// The content hash of a row: SHA-256 over its columns in ordinal name order, each as name and value with their
/// lengths (NULL apart from empty). A reviewed row whose hash changed has changed, so its decision no longer applies;
/// a reordering of columns changes nothing.
/// </summary>
internal static class RowContent
{
    /// <summary>The hash, <c>sha256:</c> and 64 hex digits.</summary>
    public static string Hash(IReadOnlyList<string> columns, IReadOnlyList<string?> values)
    {
        var text = new StringBuilder();
        foreach (var i in Enumerable.Range(0, columns.Count).OrderBy(i => columns[i], StringComparer.Ordinal))
        {
            text.Append(columns[i].Length).Append(':').Append(columns[i]).Append('=');
            text.Append(values[i] is { } v ? $"{v.Length}:{v}" : "null").Append('\n');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
