using System.Buffers;
using System.Numerics;
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
    private const int BlockSize = 1 << 18;

    private readonly byte delimiter;
    private readonly byte? quote;
    private readonly bool crlf;
    private readonly DirectColumn[] kinds;
    private readonly Func<bool> stopped;
    private CsvRangeSummary summary = null!;
    private CsvColumnCursor[] cursors = [];

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
    public CsvRangeSummary? Read(string path, CsvRange range, double[]?[] numbers, int[] bases, bool skipFirstLine, int distinctCapacity)
    {
        var (start, end) = (range.Start, range.End);
        summary = new CsvRangeSummary(kinds, numbers, bases, range.FirstRow, range.Lines, distinctCapacity);
        cursors = summary.Columns;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        file.Position = start;
        // Pooled, so the ranges of one thread share one buffer instead of faulting in a fresh one each, and small
        // enough (256 KB) to stay in the core's cache between the copy from the page cache and the parse.
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            return ReadBlocks(file, ref buffer, end - start, skipFirstLine);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private CsvRangeSummary? ReadBlocks(FileStream file, ref byte[] buffer, long remaining, bool skip)
    {
        var filled = 0;
        while (true)
        {
            if (stopped())
            {
                return null;
            }

            if (filled == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
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

    /// <summary>
    /// Reads the complete lines of <paramref name="block"/> (and, when final, the unterminated last one), each
    /// byte scanned once: <see cref="CsvSeparators"/> marks the delimiters and line feeds 64 bytes at a time.
    /// </summary>
    private bool ReadLines(ReadOnlySpan<byte> block, bool final, ref bool skip, out int consumed)
    {
        var complete = block.LastIndexOf((byte)'\n') + 1;
        var position = 0;
        if (skip && complete > 0)
        {
            position = block.IndexOf((byte)'\n') + 1;
            skip = false;
        }

        consumed = position;
        if (!ReadRecords(block[position..complete]))
        {
            return false;
        }

        consumed = complete;
        if (final && complete < block.Length)
        {
            if (skip)
            {
                skip = false;
                consumed = block.Length;
                return true;
            }

            // The last line has no line feed: read it with one appended, from a copy.
            var last = new byte[block.Length - complete + 1];
            block[complete..].CopyTo(last);
            last[^1] = (byte)'\n';
            if (!ReadRecords(last))
            {
                return false;
            }

            consumed = block.Length;
        }

        return true;
    }

    /// <summary>Reads the records of <paramref name="text"/>, whole lines ending with a line feed; false at the first record it cannot read as DuckDB would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadRecords(ReadOnlySpan<byte> text)
    {
        var last = kinds.Length - 1;
        var column = 0;
        var fieldStart = 0;
        for (var chunk = 0; chunk < text.Length; chunk += CsvSeparators.Width)
        {
            var separators = CsvSeparators.Find(text, chunk, delimiter);
            while (separators != 0)
            {
                var at = chunk + BitOperations.TrailingZeroCount(separators);
                separators &= separators - 1;
                var endsLine = text[at] == (byte)'\n';
                if (endsLine != (column == last))
                {
                    return false;
                }

                var field = text[fieldStart..at];
                if (endsLine && crlf && field.Length > 0 && field[^1] == (byte)'\r')
                {
                    field = field[..^1];
                }

                // More records than lines counted means the file changed under the reader. An empty line is DuckDB's to judge.
                if (column == 0 && (summary.Rows >= summary.Lines || (endsLine && field.IsEmpty)))
                {
                    return false;
                }

                if (!ReadField(column, field))
                {
                    return false;
                }

                fieldStart = at + 1;
                if (endsLine)
                {
                    summary.Rows++;
                    column = 0;
                }
                else
                {
                    column++;
                }
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ReadField(int column, ReadOnlySpan<byte> field)
    {
        // An empty field is missing, as DuckDB's default null string says.
        if (field.IsEmpty)
        {
            return true;
        }

        ref var cursor = ref cursors[column];
        switch (cursor.Kind)
        {
            case DirectColumn.Number:
                var value = Utf8Number.ParseOrNaN(field);
                if (double.IsNaN(value))
                {
                    return false;
                }

                cursor.Numbers![cursor.Next++] = value;
                cursor.Fractional |= value != Math.Floor(value);
                return true;
            case DirectColumn.Boolean:
                if (!Utf8Boolean.TryParse(field, out var truth))
                {
                    return false;
                }

                cursor.NonMissing++;
                cursor.Trues += truth ? 1 : 0;
                return true;
            default:
                return cursor.Texts!.Add(field);
        }
    }
}
