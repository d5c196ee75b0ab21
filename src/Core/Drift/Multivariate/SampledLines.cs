using System.Buffers;
using ModelGates.Data.Direct;

namespace ModelGates.Drift.Multivariate;

/// <summary>
/// The row sample of a plain CSV file that the direct reader read, without loading the file into a table: one
/// sequential pass finds each line's end (a vectorised search for the line feed) and parses only the sampled lines
/// (the same positions <see cref="SampledRows.Draw"/> takes from a table), with the direct reader's number and
/// boolean parsers, so the values are those a DuckDB read gives. The direct reader already proved that every line is
/// one record with no quotes and no blank lines; a line count or field count that differs now (the file changed)
/// returns null, and the caller falls back to the table.
/// </summary>
internal static class SampledLines
{
    private const int BlockSize = 1 << 20;

    /// <summary>The sample, or null when the lines cannot stand for the records.</summary>
    public static SampledRows? TryDraw(DirectCsvData data, IReadOnlyList<(string Name, bool Numeric)> columns, int maxRows, ulong seed)
    {
        if (data.Dialect is not { Delimiter.Length: 1, SkipRows: 0, Comment.Length: 0 } dialect)
        {
            return null;
        }

        var fields = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            fields[c] = -1;
            for (var i = 0; i < data.Columns.Count; i++)
            {
                if (string.Equals(data.Columns[i].Column.Name, columns[c].Name, StringComparison.Ordinal))
                {
                    fields[c] = i;
                    break;
                }
            }

            // A number asked of a column the reader did not parse as numbers is DuckDB's TRY_CAST to judge.
            if (fields[c] < 0 || columns[c].Numeric != (data.Columns[fields[c]].Kind == DirectColumn.Number))
            {
                return null;
            }
        }

        var positions = SampledRows.Positions(data.Rows, maxRows, seed);
        var parser = new LineParser(data, dialect, columns, fields, positions.Length);
        return Scan(data.File.Path, dialect.HasHeader, positions, parser) == data.Rows
            ? new SampledRows(data.Rows, positions.Length, parser.Columns())
            : null;
    }

    /// <summary>Reads the file once, handing the sampled lines to the parser; the number of records seen, or -1 when a sampled line does not parse.</summary>
    private static long Scan(string path, bool header, long[] positions, LineParser parser)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            long record = header ? -1 : 0;
            var next = 0;
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // A line longer than the buffer: grow it.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = file.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var block = buffer.AsSpan(0, filled);
                var start = 0;
                while (start < block.Length)
                {
                    var end = block[start..].IndexOf((byte)'\n');
                    if (end < 0)
                    {
                        if (read > 0)
                        {
                            break;
                        }

                        // The last line has no line feed.
                        end = block.Length - start;
                    }

                    if (record >= 0 && next < positions.Length && positions[next] == record)
                    {
                        if (!parser.Parse(block.Slice(start, end)))
                        {
                            return -1;
                        }

                        next++;
                    }

                    record++;
                    start += end + 1;
                }

                if (read == 0)
                {
                    return next == positions.Length ? record : -1;
                }

                block[Math.Min(start, block.Length)..].CopyTo(buffer);
                filled = Math.Max(0, block.Length - start);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses sampled lines into the sample's columns, row by row.</summary>
    private sealed class LineParser(DirectCsvData data, Data.CsvDialect dialect, IReadOnlyList<(string Name, bool Numeric)> columns, int[] fields, int rows)
    {
        private readonly byte delimiter = (byte)dialect.Delimiter[0];
        private readonly bool crlf = dialect.NewLine == "\r\n";
        private readonly int[] wanted = WantedBy(fields, data.Columns.Count);
        private readonly double[]?[] numbers = [.. columns.Select(c => c.Numeric ? new double[rows] : null)];
        private readonly string?[]?[] texts = [.. columns.Select(c => c.Numeric ? null : new string?[rows])];

        // Repeated categories share one string, so a sample of 10,000 rows holds each category once.
        private readonly Dictionary<string, string>[] interned = [.. columns.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal))];
        private int row;

        /// <summary>The parsed columns, in the order asked for.</summary>
        public List<SampledColumn> Columns() => [.. columns.Select((c, i) => new SampledColumn(c.Name, numbers[i], texts[i]))];

        /// <summary>Parses one line (without its line feed); false when it is not a record of the file's columns.</summary>
        public bool Parse(ReadOnlySpan<byte> line)
        {
            if (crlf && line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            var field = 0;
            while (true)
            {
                var at = line.IndexOf(delimiter);
                var value = at < 0 ? line : line[..at];
                if (field >= wanted.Length)
                {
                    return false;
                }

                if (wanted[field] >= 0 && !Store(wanted[field], fields[wanted[field]], value))
                {
                    return false;
                }

                field++;
                if (at < 0)
                {
                    break;
                }

                line = line[(at + 1)..];
            }

            row++;
            return field == wanted.Length;
        }

        private bool Store(int column, int field, ReadOnlySpan<byte> value)
        {
            if (numbers[column] is { } n)
            {
                // Empty is missing, as DuckDB's default null string says; the parser gives only finite numbers.
                var number = value.IsEmpty ? double.NaN : Utf8Number.ParseOrNaN(value);
                n[row] = number;
                return value.IsEmpty || !double.IsNaN(number);
            }

            string? text;
            if (value.IsEmpty)
            {
                text = null;
            }
            else if (data.Columns[field].Kind == DirectColumn.Boolean)
            {
                // A boolean read as text, as DuckDB's cast of BOOLEAN to VARCHAR writes it.
                if (!Utf8Boolean.TryParse(value, out var truth))
                {
                    return false;
                }

                text = truth ? "true" : "false";
            }
            else
            {
                var decoded = System.Text.Encoding.UTF8.GetString(value);
                if (!interned[column].TryGetValue(decoded, out text))
                {
                    interned[column][decoded] = text = decoded;
                }
            }

            texts[column]![row] = text;
            return true;
        }

        // For each field of the file, the sample column it fills, or -1.
        private static int[] WantedBy(int[] fields, int width)
        {
            var wanted = Enumerable.Repeat(-1, width).ToArray();
            for (var c = 0; c < fields.Length; c++)
            {
                wanted[fields[c]] = c;
            }

            return wanted;
        }
    }
}
