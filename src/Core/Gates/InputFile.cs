using System.Security.Cryptography;

namespace ModelGates.Gates;

/// <summary>A file a run read, with its content hash, so a report says exactly what was checked.</summary>
/// <param name="Role">What the file is (<c>dataset train</c>, <c>contract</c>, <c>reference profile</c>, ...).</param>
/// <param name="Path">The path as resolved.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="Bytes">The size.</param>
public sealed record InputFile(string Role, string Path, string Sha256, long Bytes)
{
    /// <summary>Hashes a file.</summary>
    internal static InputFile Of(string role, string path)
    {
        using var stream = File.OpenRead(path);
        var hash = SHA256.HashData(stream);
        return new InputFile(role, path, Convert.ToHexStringLower(hash), stream.Length);
    }
}
