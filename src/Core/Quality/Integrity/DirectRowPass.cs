using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using ModelGates.Data.Direct;

namespace ModelGates.Quality.Integrity;

/// <summary>
/// What one pass over a plain CSV file's bytes gives the integrity checks: the rows' hashes (the same bytes hashed as
/// <see cref="RowHashes.Of"/> hashes from a table, so either side of leakage may come from either reader), each row's
/// label, where each row's line starts (to fetch candidate rows' values again), and the values per column.
/// </summary>
internal sealed class DirectRows
{
    /// <summary>The rows' hashes and labels.</summary>
    public required RowHashes Hashes { get; init; }

    /// <summary>Per row, the byte offset of its line in the file.</summary>
    public required long[] LineStarts { get; init; }

    /// <summary>Per column (file order), the values that are not missing.</summary>
    public required long[] NonMissing { get; init; }

    /// <summary>The rows.</summary>
    public int Rows => LineStarts.Length;
}

/// <summary>
/// One streaming pass over a <see cref="CsvTextFile"/>: its ranges are read in parallel, each line split at its
/// delimiters (64 bytes at a time), its features written once into a scratch buffer as the canonical row (each value's
/// length, or -1 when missing, then its bytes) and hashed with XxHash128 in one call, then with its label. Nothing of a
/// row is kept but its hashes, its label and its line's offset. Returns null where a DuckDB read might differ (the
/// caller then loads the file into DuckDB).
/// </summary>
internal static class DirectRowPass
{
    private const int BlockSize = 1 << 18;

    /// <summary>Reads <paramref name="file"/>, hashing the columns at <paramref name="features"/> and <paramref name="label"/> (-1 for none).</summary>
    public static DirectRows? Read(CsvTextFile file, int[] features, int label)
    {
        ArgumentNullException.ThrowIfNull(file);
        var header = file.HasHeader ? 1 : 0;
        var rows = file.Ranges.Sum(r => (long)r.Lines) - header;
        if (rows <= 0 || rows > Array.MaxLength)
        {
            return null;
        }

        var featureHashes = new UInt128[rows];
        var rowHashes = label < 0 ? featureHashes : new UInt128[rows];
        var labels = label < 0 ? null : new string?[rows];
        var lineStarts = new long[rows];
        var nonMissing = new long[file.Columns.Count];
        var stopped = 0;
        try
        {
            Parallel.For(0, file.Ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                var range = file.Ranges[k];
                var firstRow = k == 0 ? 0 : range.FirstRow - header;
                var expected = range.Lines - (k == 0 ? header : 0);
                var reader = new RangeReader(file, features, label, featureHashes, rowHashes, labels, lineStarts, firstRow, () => Volatile.Read(ref stopped) != 0);
                if (!reader.Read(range, skipHeader: k == 0 && file.HasHeader) || reader.Rows != expected)
                {
                    Interlocked.Exchange(ref stopped, 1);
                    return;
                }

                lock (nonMissing)
                {
                    for (var c = 0; c < nonMissing.Length; c++)
                    {
                        nonMissing[c] += reader.NonMissing[c];
                    }
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is IOException or UnauthorizedAccessException))
        {
            // The file changed or vanished under the reader: DuckDB's read reports it with its diagnostic.
            return null;
        }

        return stopped != 0 ? null : new DirectRows
        {
            Hashes = new RowHashes(featureHashes, rowHashes, labels),
            LineStarts = lineStarts,
            NonMissing = nonMissing,
        };
    }

    /// <summary>Reads the lines of one range.</summary>
    private sealed class RangeReader
    {
        private readonly CsvTextFile file;
        private readonly int[] features;
        private readonly int label;
        private readonly UInt128[] featureHashes;
        private readonly UInt128[] rowHashes;
        private readonly string?[]? labels;
        private readonly long[] lineStarts;
        private readonly int firstRow;
        private readonly Func<bool> stopped;
        private readonly int[] fieldStarts;
        private readonly int[] fieldLengths;
        private readonly Dictionary<string, string> labelTexts = new(StringComparer.Ordinal);
        private byte[] canonical = new byte[1024];

        public RangeReader(CsvTextFile file, int[] features, int label, UInt128[] featureHashes, UInt128[] rowHashes, string?[]? labels, long[] lineStarts, int firstRow, Func<bool> stopped)
        {
            this.file = file;
            this.features = features;
            this.label = label;
            this.featureHashes = featureHashes;
            this.rowHashes = rowHashes;
            this.labels = labels;
            this.lineStarts = lineStarts;
            this.firstRow = firstRow;
            this.stopped = stopped;
            fieldStarts = new int[file.Columns.Count];
            fieldLengths = new int[file.Columns.Count];
            NonMissing = new long[file.Columns.Count];
        }

        /// <summary>The rows read.</summary>
        public int Rows { get; private set; }

        /// <summary>Per column, the values that are not missing.</summary>
        public long[] NonMissing { get; }

        public bool Read(CsvRange range, bool skipHeader)
        {
            using var stream = new FileStream(file.File.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            stream.Position = range.Start;
            var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
            try
            {
                return ReadBlocks(stream, ref buffer, range.Start, range.End - range.Start, skipHeader);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private bool ReadBlocks(FileStream stream, ref byte[] buffer, long offset, long remaining, bool skip)
        {
            var filled = 0;
            while (true)
            {
                if (stopped())
                {
                    return false;
                }

                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, remaining));
                remaining -= read;
                filled += read;
                var final = remaining == 0 || read == 0;
                var block = buffer.AsSpan(0, filled);
                var complete = block.LastIndexOf((byte)'\n') + 1;
                var position = 0;
                if (skip && complete > 0)
                {
                    // The header: its names came from DuckDB's sniff.
                    position = block.IndexOf((byte)'\n') + 1;
                    skip = false;
                }

                if (!Plain(block[position..complete]) || !ReadRecords(block[position..complete], offset + position))
                {
                    return false;
                }

                if (final)
                {
                    return complete == block.Length || skip || ReadLast(block[complete..], offset + complete);
                }

                block[complete..].CopyTo(buffer);
                filled -= complete;
                offset += complete;
            }
        }

        /// <summary>The last line has no line feed: read it with one appended, from a copy.</summary>
        private bool ReadLast(ReadOnlySpan<byte> line, long offset)
        {
            var last = new byte[line.Length + 1];
            line.CopyTo(last);
            last[^1] = (byte)'\n';
            return Plain(last) && ReadRecords(last, offset);
        }

        /// <summary>
        /// Whether lines hold only what is read here exactly as DuckDB reads it: no quote character, no NUL, carriage
        /// returns only before line feeds of a CR LF file, and valid UTF-8.
        /// </summary>
        private bool Plain(ReadOnlySpan<byte> text)
        {
            if (text.IndexOfAny((byte)'"', (byte)0) >= 0 || (file.Quote is { } quote && text.IndexOf(quote) >= 0))
            {
                return false;
            }

            var returns = text.Count((byte)'\r');
            if (returns > 0 && (!file.CrLf || returns != text.Count((byte)'\n')))
            {
                return false;
            }

            return Utf8.IsValid(text);
        }

        /// <summary>Reads whole lines ending with a line feed; false at the first record it cannot read as DuckDB would.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ReadRecords(ReadOnlySpan<byte> text, long offset)
        {
            var last = fieldStarts.Length - 1;
            var delimiter = file.Delimiter;
            var crlf = file.CrLf;
            var column = 0;
            var fieldStart = 0;
            var lineStart = 0;
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

                    var length = at - fieldStart;
                    if (endsLine && crlf)
                    {
                        if (length == 0 || text[at - 1] != (byte)'\r')
                        {
                            return false;
                        }

                        length--;
                    }

                    // An empty line is DuckDB's to judge.
                    if (endsLine && last == 0 && length == 0)
                    {
                        return false;
                    }

                    fieldStarts[column] = fieldStart;
                    fieldLengths[column] = length;
                    fieldStart = at + 1;
                    if (!endsLine)
                    {
                        column++;
                        continue;
                    }

                    if (!Row(text, offset + lineStart))
                    {
                        return false;
                    }

                    column = 0;
                    lineStart = at + 1;
                }
            }

            return true;
        }

        private bool Row(ReadOnlySpan<byte> text, long lineStart)
        {
            if (Rows == int.MaxValue || firstRow + Rows >= lineStarts.Length)
            {
                // More records than lines counted: the file changed under the reader.
                return false;
            }

            for (var c = 0; c < fieldLengths.Length; c++)
            {
                NonMissing[c] += fieldLengths[c] > 0 ? 1 : 0;
            }

            var length = 0;
            foreach (var c in features)
            {
                length = Append(text, c, length);
            }

            var row = firstRow + Rows;
            featureHashes[row] = XxHash128.HashToUInt128(canonical.AsSpan(0, length));
            if (labels is not null)
            {
                var withLabel = Append(text, label, length);
                rowHashes[row] = XxHash128.HashToUInt128(canonical.AsSpan(0, withLabel));
                labels[row] = fieldLengths[label] == 0 ? null : LabelText(text.Slice(fieldStarts[label], fieldLengths[label]));
            }

            lineStarts[row] = lineStart;
            Rows++;
            return true;
        }

        /// <summary>Appends a value as <see cref="RowHashes"/> hashes it: its length (-1 when missing, as DuckDB reads an empty field), then its bytes.</summary>
        private int Append(ReadOnlySpan<byte> text, int column, int at)
        {
            var length = fieldLengths[column];
            if (canonical.Length < at + 4 + length)
            {
                Array.Resize(ref canonical, Math.Max(canonical.Length * 2, at + 4 + length));
            }

            BinaryPrimitives.WriteInt32LittleEndian(canonical.AsSpan(at), length == 0 ? -1 : length);
            text.Slice(fieldStarts[column], length).CopyTo(canonical.AsSpan(at + 4));
            return at + 4 + length;
        }

        private string LabelText(ReadOnlySpan<byte> bytes)
        {
            // Labels repeat: one string per distinct label, found by its characters without allocating.
            Span<char> chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
            var written = Encoding.UTF8.GetChars(bytes, chars);
            var lookup = labelTexts.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(chars[..written], out var text))
            {
                text = new string(chars[..written]);
                labelTexts[text] = text;
            }

            return text;
        }
    }
}
