using System.Text.Json;
using ModelGates.Profiles;

namespace ModelGates.Inputs;

/// <summary>
/// Tells a stored profile from data by what the file holds, never by its name: a file is a profile when it is
/// one JSON object whose <c>kind</c> is <see cref="ProfileJsonReader.Kind"/>. Every other file, <c>.json</c>
/// included, is data (a <c>.json</c> file is read as JSON Lines). Every front end asks this one question, so
/// a path means the same thing to <c>modelgates drift</c>, a drift gate and <c>DriftAssert</c>.
/// </summary>
internal static class InputContent
{
    // The writer puts "kind" second; a hand-edited profile may move it, but not past its columns.
    private const int HeadBytes = 64 * 1024;

    /// <summary>True when <paramref name="path"/> is a file holding a ModelGates profile.</summary>
    public static bool IsProfile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return false;
        }

        byte[] head;
        try
        {
            using var stream = File.OpenRead(path);
            head = new byte[(int)Math.Min(HeadBytes, stream.Length)];
            stream.ReadExactly(head);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The read that follows reports the file with its diagnostic.
            return false;
        }

        return KindOf(head) == ProfileJsonReader.Kind;
    }

    /// <summary>The string value of the top-level <c>kind</c> key of the JSON object <paramref name="head"/> starts with, or null.</summary>
    internal static string? KindOf(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head.StartsWith("\uFEFF"u8) ? head[3..] : head, isFinalBlock: false, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKind = reader.ValueTextEquals("kind"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isKind)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON, or JSON Lines whose first record is followed by another: data.
        }

        return null;
    }
}
