using System.Text;
using ModelGates.Data.Direct;

namespace ModelGates.Quality.Integrity;

/// <summary>
/// The text values of chosen rows of a <see cref="CsvTextFile"/> that <see cref="DirectRowPass"/> read, fetched again
/// from their lines (in file order, through one window that moves forward) to verify groups that share a hash.
/// </summary>
internal static class DirectRowValues
{
    private const int Window = 1 << 16;

    /// <summary>The values of the columns at <paramref name="columns"/> (file positions) of each row in <paramref name="rows"/>, by row index.</summary>
    public static Dictionary<long, string?[]> Of(CsvTextFile file, long[] lineStarts, IReadOnlyList<int> columns, IEnumerable<long> rows)
    {
        var values = new Dictionary<long, string?[]>();
        using var handle = File.OpenHandle(file.File.Path);
        var buffer = new byte[Window];
        long bufferStart = 0;
        var filled = 0;
        var fields = new (int Start, int Length)[file.Columns.Count];
        foreach (var row in rows.Distinct().Order())
        {
            var start = lineStarts[row];
            var line = LineAt(handle, ref buffer, ref bufferStart, ref filled, start);
            Split(line, file.Delimiter, file.CrLf, fields);
            var kept = new string?[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var (at, length) = fields[columns[c]];
                kept[c] = length == 0 ? null : Encoding.UTF8.GetString(line.Slice(at, length));
            }

            values[row] = kept;
        }

        return values;
    }

    /// <summary>The line starting at <paramref name="start"/>, without its line feed; refills the window when the line is not all in it.</summary>
    private static ReadOnlySpan<byte> LineAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, ref byte[] buffer, ref long bufferStart, ref int filled, long start)
    {
        while (true)
        {
            if (start >= bufferStart && start < bufferStart + filled)
            {
                var rest = buffer.AsSpan((int)(start - bufferStart), filled - (int)(start - bufferStart));
                var end = rest.IndexOf((byte)'\n');
                if (end >= 0)
                {
                    return rest[..end];
                }

                if (bufferStart + filled >= RandomAccess.GetLength(handle))
                {
                    // The unterminated last line.
                    return rest;
                }

                if (start == bufferStart)
                {
                    // A line longer than the window.
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            bufferStart = start;
            filled = 0;
            while (filled < buffer.Length)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(filled), bufferStart + filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            if (filled == 0)
            {
                // The file shrank since the pass: nothing is there.
                return [];
            }
        }
    }

    /// <summary>The start and length of each field of a line the row pass read (so it has every field and no quote).</summary>
    private static void Split(ReadOnlySpan<byte> line, byte delimiter, bool crlf, (int Start, int Length)[] fields)
    {
        if (crlf && line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        var start = 0;
        for (var c = 0; c < fields.Length; c++)
        {
            start = Math.Min(start, line.Length);
            var at = c == fields.Length - 1 ? -1 : line[start..].IndexOf(delimiter);
            var length = at < 0 ? line.Length - start : at;
            fields[c] = (start, length);
            start += length + 1;
        }
    }
}
