namespace ModelGates.Data.Direct;

/// <summary>
/// A quick guess at a file's dialect and column kinds from its first lines, so the direct reader can parse the
/// file while DuckDB sniffs it. The guess decides nothing: the reader keeps what it parsed only when DuckDB's
/// sniff agrees on every point (<see cref="Matches"/>), and otherwise parses again with the sniffed dialect.
/// </summary>
internal sealed record CsvDialectGuess(byte Delimiter, bool CrLf, bool HasHeader, DirectColumn[] Kinds)
{
    private const int SampleBytes = 1 << 20;
    private const int SampleLines = 1024;
    private static readonly byte[] Delimiters = [(byte)',', (byte)'\t', (byte)';', (byte)'|'];

    /// <summary>Guesses from the first lines of <paramref name="path"/> (at most a megabyte); null when nothing plausible is found.</summary>
    public static CsvDialectGuess? From(string path)
    {
        var sample = new byte[SampleBytes];
        int length;
        using (var file = File.OpenRead(path))
        {
            length = file.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        }

        var lines = CompleteLines(sample.AsSpan(0, length));
        if (lines.Count < 2 || sample.AsSpan(0, length).IndexOf((byte)'"') >= 0)
        {
            return null;
        }

        var crlf = sample[lines[0].End - 1] == (byte)'\r';
        var fields = new List<byte[][]>();
        foreach (var delimiter in Delimiters)
        {
            fields.Clear();
            foreach (var (start, end) in lines)
            {
                var line = sample.AsSpan(start, end - start - (crlf ? 1 : 0));
                fields.Add(Split(line, delimiter));
            }

            var width = fields[0].Length;
            if (width > 1 && fields.All(f => f.Length == width))
            {
                return FromFields(delimiter, crlf, fields);
            }
        }

        return null;
    }

    /// <summary>True when DuckDB's sniff agrees with the guess on everything the reader depends on.</summary>
    public bool Matches(CsvDialect dialect, DirectColumn[] kinds) =>
        dialect.Delimiter.Length == 1 && dialect.Delimiter[0] == Delimiter
        && dialect.NewLine == (CrLf ? "\r\n" : "\n")
        && dialect.HasHeader == HasHeader
        && dialect.Quote is "" or "\""
        && dialect.Comment.Length == 0 && dialect.SkipRows == 0
        && kinds.AsSpan().SequenceEqual(Kinds);

    /// <summary>The dialect the guess stands for, for the reader (column names are not guessed).</summary>
    public CsvDialect ToDialect() =>
        new(((char)Delimiter).ToString(), string.Empty, CrLf ? "\r\n" : "\n", string.Empty, 0, HasHeader, []);

    private static CsvDialectGuess FromFields(byte delimiter, bool crlf, List<byte[][]> rows)
    {
        var width = rows[0].Length;
        var kinds = new DirectColumn[width];
        var headerDiffers = false;
        for (var column = 0; column < width; column++)
        {
            var values = rows.Skip(1).Select(r => r[column]).Where(v => v.Length > 0).ToList();
            kinds[column] = values.Count > 0 && values.All(v => Utf8Number.TryParse(v, out _)) ? DirectColumn.Number
                : values.Count > 0 && values.All(v => Utf8Boolean.TryParse(v, out _)) ? DirectColumn.Boolean
                : DirectColumn.Text;
            var first = rows[0][column];
            headerDiffers |= kinds[column] switch
            {
                DirectColumn.Number => !Utf8Number.TryParse(first, out _),
                DirectColumn.Boolean => !Utf8Boolean.TryParse(first, out _),
                _ => false,
            };
        }

        // A first line that does not fit the columns' kinds is a header; one that fits may still be, and then
        // DuckDB's sniff says so and the file is parsed again.
        return new CsvDialectGuess(delimiter, crlf, headerDiffers || kinds.All(k => k == DirectColumn.Text), kinds);
    }

    private static List<(int Start, int End)> CompleteLines(ReadOnlySpan<byte> sample)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        while (start < sample.Length)
        {
            var feed = sample[start..].IndexOf((byte)'\n');
            if (feed <= 0)
            {
                break;
            }

            lines.Add((start, start + feed));
            start += feed + 1;
            if (lines.Count == SampleLines)
            {
                break;
            }
        }

        return lines;
    }

    private static byte[][] Split(ReadOnlySpan<byte> line, byte delimiter)
    {
        var parts = new List<byte[]>();
        while (true)
        {
            var at = line.IndexOf(delimiter);
            if (at < 0)
            {
                parts.Add(line.ToArray());
                return [.. parts];
            }

            parts.Add(line[..at].ToArray());
            line = line[(at + 1)..];
        }
    }
}
