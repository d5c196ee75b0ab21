using System.Text.Json;

namespace ModelGates.Output;

/// <summary>
/// Number writing that is the same on every machine: shortest round-trip text in invariant culture,
/// and null for values JSON cannot hold (NaN, infinities).
/// </summary>
public static class JsonWriterExtensions
{
    /// <summary>The writer options every ModelGates JSON output uses: indented, UTF-8, no escaping of non-ASCII text.</summary>
    internal static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Writes a number property, or null when the value is null or not finite.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        writer.WritePropertyName(name);
        writer.WriteNumberOrNullValue(value);
    }

    /// <summary>Writes a whole-number property exactly (no trip through double), or null when the value is null.</summary>
    internal static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a number value, or null when the value is null or not finite.</summary>
    internal static void WriteNumberOrNullValue(this Utf8JsonWriter writer, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            // .NET writes the shortest text that round-trips, the same as ToString("R"), and keeps the indentation.
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes an array of numbers (non-finite as null).</summary>
    internal static void WriteNumberArray(this Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteNumberOrNullValue(v);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an array of whole numbers.</summary>
    internal static void WriteNumberArray(this Utf8JsonWriter writer, string name, IEnumerable<long> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a string property, or null.</summary>
    internal static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Builds a UTF-8 JSON document with a trailing newline.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
