using ModelGates.Data;
using ModelGates.Data.Direct;

namespace ModelGates.Drift.Multivariate;

/// <summary>
/// The row sample of a plain CSV file that the direct reader read, without loading the whole file into a table: the
/// file's line starts are found in one pass, the sampled lines (the same positions <see cref="SampledRows.Draw"/> takes
/// from a table) are written after the header to a temporary file, and DuckDB reads that with the source's options.
/// Loading a 1M-row file as a table costs more than everything else drift does; this reads 10,000 lines. Anything
/// that could make a line differ from a record (blank lines, quoted line breaks, a sniffed header that differs) is
/// caught by comparing counts and names, and then the caller falls back to the table.
/// </summary>
internal static class SampledLines
{
    /// <summary>The sample, or null when the lines cannot stand for the records.</summary>
    public static SampledRows? TryDraw(DataEngine engine, DatasetSource source, DirectCsvData data, IReadOnlyList<(string Name, bool Numeric)> columns, int maxRows, ulong seed)
    {
        if (!DirectCsvReader.OptionsAllowDirectRead(source))
        {
            return null;
        }

        var path = data.File.Path;
        var starts = LineStarts(path, out var length);
        bool header;
        if (starts.Count == data.Rows + 1)
        {
            header = true;
        }
        else if (starts.Count == data.Rows)
        {
            header = false;
        }
        else
        {
            return null;
        }

        var positions = SampledRows.Positions(data.Rows, maxRows, seed);
        var temp = Path.Combine(Path.GetTempPath(), $"modelgates-sample-{Guid.NewGuid():N}.csv");
        try
        {
            using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess))
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                if (header)
                {
                    Copy(input, output, starts, 0, length);
                }

                foreach (var p in positions)
                {
                    Copy(input, output, starts, (int)p + (header ? 1 : 0), length);
                }
            }

            var sample = DatasetLoader.Load(engine, source with { Path = temp, Format = DataFormat.Csv, Partitions = null });
            var names = sample.Columns.Select(c => c.Name).ToList();
            if (sample.Rows != positions.Length || sample.Unparsed.Count > 0 || !names.SequenceEqual(data.Columns.Select(c => c.Column.Name), StringComparer.Ordinal))
            {
                return null;
            }

            var rows = SampledRows.Draw(engine, sample, columns, positions.Length, seed);
            return rows with { TotalRows = data.Rows };
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The offset of every non-blank line, in order.</summary>
    private static List<long> LineStarts(string path, out long length)
    {
        var starts = new List<long>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        length = stream.Length;
        var buffer = new byte[1 << 20];
        long offset = 0;
        var atStart = true;
        long lineStart = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                if (atStart)
                {
                    lineStart = offset + i;
                    atStart = false;
                    if (b is (byte)'\n' or (byte)'\r')
                    {
                        // A blank line: not a record.
                        atStart = b == (byte)'\n';
                        continue;
                    }

                    starts.Add(lineStart);
                }

                if (b == (byte)'\n')
                {
                    atStart = true;
                }
            }

            offset += read;
        }

        return starts;
    }

    /// <summary>Copies line <paramref name="index"/> (up to the next line's start, or the end) and ends it with a line break.</summary>
    private static void Copy(FileStream input, FileStream output, List<long> starts, int index, long length)
    {
        var start = starts[index];
        var end = index + 1 < starts.Count ? starts[index + 1] : length;
        var bytes = new byte[end - start];
        input.Position = start;
        input.ReadExactly(bytes);
        output.Write(bytes);
        if (bytes.Length == 0 || bytes[^1] != (byte)'\n')
        {
            output.WriteByte((byte)'\n');
        }
    }
}
