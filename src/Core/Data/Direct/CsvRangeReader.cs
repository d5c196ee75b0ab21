using System.Runtime.CompilerServices;

namespace ModelGates.Data.Direct;

/// <summary>
/// Reads whole lines of one byte range of an unquoted delimited-text file into a <see cref="CsvRangeSummary"/>.
/// Anything it does not handle exactly as DuckDB does (a quote, a wrong field count, an empty line, a number
/// or boolean in a form it does not accept, too many distinct values) makes it stop and return null, and the
/// caller reads the file with DuckDB instead.
/// </summary>
internal sealed class CsvRangeReader
{
    private const int BlockSize = 1 << 20;

    private readonly byte delimiter;
    private readonly byte? quote;
    private readonly bool crlf;
    private readonly DirectColumn[] kinds;
    private readonly Func<bool> stopped;
    private CsvRangeSummary summary = null!;

    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="quote">The sniffed quote character, if any; a double quote is refused either way.</param>
    /// <param name="crlf">Whether lines end in CR LF.</param>
    /// <param name="kinds">How each column is parsed.</param>
    /// <param name="stopped">True once another range gave up, so this one can stop too.</param>
    public CsvRangeReader(byte delimiter, byte? quote, bool crlf, DirectColumn[] kinds, Func<bool> stopped)
    {
        this.delimiter = delimiter;
        this.quote = quote;
        this.crlf = crlf;
        this.kinds = kinds;
        this.stopped = stopped;
    }

    /// <summary>Reads the lines of <paramref name="range"/> into the column arrays, skipping the first when it is the header.</summary>
    public CsvRangeSummary? Read(string path, CsvRange range, double[]?[] numbers, bool skipFirstLine, int distinctCapacity)
    {
        var (start, end) = (range.Start, range.End);
        summary = new CsvRangeSummary(kinds, numbers, range.FirstRow, range.Lines, distinctCapacity);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        file.Position = start;
        var buffer = new byte[BlockSize];
        var filled = 0;
        var remaining = end - start;
        var skip = skipFirstLine;
        while (true)
        {
            if (stopped())
            {
                return null;
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = file.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, remaining));
            remaining -= read;
            filled += read;
            var final = remaining == 0 || read == 0;
            var block = buffer.AsSpan(0, filled);
            if (block.IndexOf((byte)'"') >= 0 || (quote is { } q && block.IndexOf(q) >= 0))
            {
                return null;
            }

            if (!ReadLines(block, final, ref skip, out var consumed))
            {
                return null;
            }

            if (final)
            {
                return summary;
            }

            block[consumed..].CopyTo(buffer);
            filled -= consumed;
        }
    }

    /// <summary>Reads the complete lines of <paramref name="block"/> (and, when final, the unterminated last one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadLines(ReadOnlySpan<byte> block, bool final, ref bool skip, out int consumed)
    {
        var position = 0;
        while (position < block.Length)
        {
            var rest = block[position..];
            var newLine = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line;
            if (newLine < 0)
            {
                if (!final)
                {
                    break;
                }

                line = rest;
                position = block.Length;
            }
            else
            {
                line = rest[..newLine];
                position += newLine + 1;
            }

            if (crlf && line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (skip)
            {
                skip = false;
                continue;
            }

            if (!ReadRecord(line))
            {
                consumed = position;
                return false;
            }
        }

        consumed = position;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadRecord(ReadOnlySpan<byte> line)
    {
        // More records than lines counted means the file changed under the reader.
        if (line.IsEmpty || summary.Rows >= summary.Lines)
        {
            return false;
        }

        var last = kinds.Length - 1;
        for (var column = 0; column <= last; column++)
        {
            ReadOnlySpan<byte> field;
            var next = line.IndexOf(delimiter);
            if (column < last)
            {
                if (next < 0)
                {
                    return false;
                }

                field = line[..next];
                line = line[(next + 1)..];
            }
            else
            {
                if (next >= 0)
                {
                    return false;
                }

                field = line;
            }

            // An empty field is missing, as DuckDB's default null string says.
            if (field.IsEmpty)
            {
                continue;
            }

            switch (kinds[column])
            {
                case DirectColumn.Number:
                    if (!Utf8Number.TryParse(field, out var value))
                    {
                        return false;
                    }

                    summary.AddNumber(column, value);
                    summary.Fractional[column] |= value != Math.Floor(value);
                    break;
                case DirectColumn.Boolean:
                    if (!Utf8Boolean.TryParse(field, out var truth))
                    {
                        return false;
                    }

                    summary.NonMissing[column]++;
                    summary.Trues[column] += truth ? 1 : 0;
                    break;
                default:
                    if (!summary.Texts[column]!.Add(field))
                    {
                        return false;
                    }

                    break;
            }
        }

        summary.Rows++;
        return true;
    }
}
