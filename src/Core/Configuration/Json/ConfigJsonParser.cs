using System.Text;
using System.Text.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Configuration.Json;

/// <summary>
/// Parses JSON with comments and trailing commas into <see cref="ConfigNode"/>s that carry their
/// line and column. System.Text.Json's DOM forgets positions, which a diagnostic needs.
/// </summary>
internal static class ConfigJsonParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>Parses <paramref name="text"/>; on a syntax error returns null and an MG0011 diagnostic.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <param name="error">The syntax error, when parsing failed.</param>
    public static ConfigNode? Parse(string text, string file, out Diagnostic? error)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, Options);
        error = null;
        try
        {
            if (!reader.Read())
            {
                error = DiagnosticCatalog.InvalidJson.Create($"{file} is empty; expected a JSON object.") with { File = file, Line = 1, SourceColumn = 1 };
                return null;
            }

            var root = ReadValue(ref reader, lines);
            if (reader.Read())
            {
                var at = lines.At(reader.TokenStartIndex);
                error = DiagnosticCatalog.InvalidJson.Create($"{file} has more content after the end of its JSON value.") with { File = file, Line = at.Line, SourceColumn = at.Column };
                return null;
            }

            return root;
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are 0-based; report them 1-based like a compiler.
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            error = DiagnosticCatalog.InvalidJson.Create($"{file} is not valid JSON: {Describe(e)}") with { File = file, Line = line, SourceColumn = column };
            return null;
        }
    }

    private static string Describe(JsonException e)
    {
        // System.Text.Json appends its own "LineNumber: .. | BytePositionInLine: .." which we report separately.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    private static ConfigNode ReadValue(ref Utf8JsonReader reader, LineMap lines)
    {
        var position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<ConfigProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var namePosition = lines.At(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new ConfigProperty(name, namePosition, ReadValue(ref reader, lines)));
                }

                return new ConfigObject(position, properties);
            case JsonTokenType.StartArray:
                var items = new List<ConfigNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new ConfigArray(position, items);
            case JsonTokenType.String:
                return new ConfigString(position, reader.GetString()!);
            case JsonTokenType.Number:
                var raw = reader.ValueSpan;
                var isInteger = raw.IndexOfAny("."u8) < 0 && raw.IndexOfAny("eE"u8) < 0;
                return new ConfigNumber(position, reader.GetDouble(), isInteger);
            case JsonTokenType.True:
                return new ConfigBoolean(position, true);
            case JsonTokenType.False:
                return new ConfigBoolean(position, false);
            default:
                return new ConfigNull(position);
        }
    }

    /// <summary>Maps a UTF-8 byte offset to a 1-based line and character column.</summary>
    private sealed class LineMap
    {
        private readonly byte[] bytes;
        private readonly List<int> lineStarts = [0];

        public LineMap(byte[] bytes)
        {
            this.bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        public SourcePosition At(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var start = lineStarts[line];
            var column = Encoding.UTF8.GetCharCount(bytes, start, (int)offset - start) + 1;
            return new SourcePosition(line + 1, column);
        }
    }
}
