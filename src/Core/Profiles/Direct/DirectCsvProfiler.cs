using System.Numerics;
using System.Text;
using System.Text.Unicode;
using ModelGates.Data;

namespace ModelGates.Profiles.Direct;

/// <summary>
/// Profiles a plain CSV file without loading it into DuckDB: the file is split at line boundaries, the parts
/// are parsed in parallel straight into per-column values and counts, and the profile is built by the same
/// code as <see cref="ProfileBuilder"/>. DuckDB still decides the dialect and the column types (its sniffer,
/// with the options a full read uses) and hashes text values for the distinct estimate, so the profile is
/// the same, byte for byte, as the one built from a DuckDB table.
/// <para>
/// It applies only where its reading is provably DuckDB's: one uncompressed UTF-8 file, no quote characters,
/// no comment lines or skipped rows, numbers in plain decimal form, booleans in DuckDB's spellings, every
/// record with all its fields, text columns with at most <see cref="DistinctCapacity"/> distinct values,
/// and no data options beyond the delimiter and the header. Anywhere else it returns null and the caller
/// reads the file with DuckDB, whose diagnostics (unparsed rows with their lines, encodings) then apply.
/// </para>
/// </summary>
public static class DirectCsvProfiler
{
    /// <summary>The most distinct values a text column may have for the direct path to apply.</summary>
    public const int DistinctCapacity = 50_000;

    /// <summary>The smallest part of a file read by one task.</summary>
    internal const long MinimumBytesPerRange = 4 << 20;

    /// <summary>Profiles <paramref name="source"/> directly, or returns null when the direct path does not apply.</summary>
    /// <param name="engine">An engine for sniffing and hashing; no table is created.</param>
    /// <param name="source">The dataset.</param>
    /// <param name="settings">Sketch sizes; defaults when null.</param>
    /// <exception cref="DataReadException">The path names no readable data (as when DuckDB reads it).</exception>
    public static DatasetProfile? TryProfile(DataEngine engine, DatasetSource source, ProfileSettings? settings = null) =>
        TryProfile(engine, source, settings ?? ProfileSettings.Default, MinimumBytesPerRange, DistinctCapacity);

    /// <summary>As the public overload, with the split size and the distinct-value limit given (tests use small ones).</summary>
    internal static DatasetProfile? TryProfile(DataEngine engine, DatasetSource source, ProfileSettings settings, long minimumBytesPerRange, int distinctCapacity)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return Profile(engine, source, settings, minimumBytesPerRange, distinctCapacity);
        }
        catch (IOException)
        {
            // DuckDB's read reports what went wrong, with its diagnostic.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static DatasetProfile? Profile(DataEngine engine, DatasetSource source, ProfileSettings settings, long minimumBytesPerRange, int distinctCapacity)
    {
        if (!OptionsAllowDirectRead(source))
        {
            return null;
        }

        var files = DataFileResolver.Resolve(engine, source);
        if (files.Count != 1 || DataFileResolver.ResolveFormat(source, files) != DataFormat.Csv || IsCompressed(files[0].Path))
        {
            return null;
        }

        var path = files[0].Path;
        var dialect = DatasetLoader.SniffDialect(engine, source, path);
        if (dialect is null || KindsOf(dialect) is not { } kinds)
        {
            return null;
        }

        var ranges = CsvRanges.Split(path, files[0].Length, minimumBytesPerRange, Environment.ProcessorCount * 4);
        if (ranges is null)
        {
            return null;
        }

        var summaries = ReadRanges(path, dialect, kinds, ranges, distinctCapacity);
        if (summaries is null || summaries.Sum(s => s.Rows) is var rows && rows == 0)
        {
            return null;
        }

        var columns = new ColumnProfile?[kinds.Length];
        var hashId = ProfileBuilder.HashId(engine);
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] == DirectColumn.Boolean)
            {
                columns[i] = ProfileBuilder.BooleanColumn(dialect.Columns[i], rows, summaries.Sum(s => s.NonMissing[i]), summaries.Sum(s => s.Trues[i]));
            }
            else if (kinds[i] == DirectColumn.Text)
            {
                if (TextColumn(engine, dialect.Columns[i], rows, summaries.Select(s => s.Texts[i]!).ToList(), settings, hashId) is not { } text)
                {
                    return null;
                }

                columns[i] = text;
            }
        }

        var numbers = Enumerable.Range(0, kinds.Length).Where(i => kinds[i] == DirectColumn.Number).ToList();
        Parallel.ForEach(numbers, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (column, values) = NumberColumn(dialect.Columns[i], summaries, i);
            columns[i] = ProfileBuilder.NumericColumn(column, rows, values.Span, settings, null);
        });

        return new DatasetProfile
        {
            Sources = [source.Path],
            Rows = rows,
            UnparsedRows = 0,
            Settings = settings,
            Columns = columns.Select(c => c!).ToList(),
        };
    }

    private static bool OptionsAllowDirectRead(DatasetSource source)
    {
        var csv = source.Csv;
        return !source.AllText
            && source.Format is DataFormat.Auto or DataFormat.Csv
            && csv.Delimiter is null or { Length: 1 }
            && csv.Quote is null && csv.Escape is null && csv.NullStrings is null && csv.Encoding is null && csv.Skip is null
            && csv.ColumnTypes is null or { Count: 0 };
    }

    /// <summary>Compressed files are DuckDB's to read (by extension, as DuckDB decides, or by magic number).</summary>
    private static bool IsCompressed(string path)
    {
        var name = path.ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal) || name.EndsWith(".zst", StringComparison.Ordinal) || name.EndsWith(".bz2", StringComparison.Ordinal))
        {
            return true;
        }

        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return (read >= 2 && head[0] == 0x1f && head[1] == 0x8b) || (read == 4 && head.SequenceEqual(new byte[] { 0x28, 0xb5, 0x2f, 0xfd }));
    }

    private static DirectColumn[]? KindsOf(CsvDialect dialect)
    {
        if (dialect.Delimiter.Length != 1 || dialect.Delimiter[0] > 127 || dialect.Quote.Length > 1 || dialect.Comment.Length > 0
            || dialect.SkipRows != 0 || dialect.NewLine is not ("\n" or "\r\n") || dialect.Columns.Count == 0)
        {
            return null;
        }

        var kinds = new DirectColumn[dialect.Columns.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            var type = dialect.Columns[i].SqlType;
            DirectColumn? kind = type switch
            {
                "DOUBLE" => DirectColumn.Number,
                "BOOLEAN" => DirectColumn.Boolean,
                "VARCHAR" => DirectColumn.Text,
                _ when SqlTypes.IsInteger(type) => DirectColumn.Number,
                _ => null,
            };
            if (kind is null)
            {
                return null;
            }

            kinds[i] = kind.Value;
        }

        return kinds;
    }

    private static List<CsvRangeSummary>? ReadRanges(string path, CsvDialect dialect, DirectColumn[] kinds, IReadOnlyList<CsvRange> ranges, int distinctCapacity)
    {
        var lines = ranges.Sum(r => r.Lines);
        var numbers = kinds.Select(k => k == DirectColumn.Number ? GC.AllocateUninitializedArray<double>(lines) : null).ToArray();
        var results = new CsvRangeSummary?[ranges.Count];
        var stopped = 0;
        byte? quote = dialect.Quote.Length == 1 ? (byte)dialect.Quote[0] : null;
        Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var reader = new CsvRangeReader((byte)dialect.Delimiter[0], quote, dialect.NewLine == "\r\n", kinds, () => Volatile.Read(ref stopped) != 0);
            results[k] = reader.Read(path, ranges[k], numbers, skipFirstLine: k == 0 && dialect.HasHeader, distinctCapacity);
            if (results[k] is null)
            {
                Interlocked.Exchange(ref stopped, 1);
            }
        });
        return stopped != 0 ? null : results.Select(r => r!).ToList();
    }

    /// <summary>
    /// A number column's values in file order and its type as a DuckDB read gives it: integer columns stay
    /// integer only when every value is whole (and then hold no negative zero, as a BIGINT cannot).
    /// </summary>
    private static (DatasetColumn Column, Memory<double> Values) NumberColumn(DatasetColumn sniffed, List<CsvRangeSummary> summaries, int index)
    {
        // Each range wrote from its first possible row; close the gaps that missing values and the header left.
        var array = summaries[0].Numbers[index]!;
        var at = 0;
        foreach (var summary in summaries)
        {
            Array.Copy(array, summary.FirstRow, array, at, summary.NumberCounts[index]);
            at += summary.NumberCounts[index];
        }

        var values = array.AsMemory(0, at);
        var integer = SqlTypes.IsInteger(sniffed.SqlType) && !summaries.Any(s => s.Fractional[index]);
        if (integer)
        {
            var span = values.Span;
            for (var i = 0; i < span.Length; i++)
            {
                span[i] += 0.0;
            }
        }

        return (sniffed with { SqlType = integer ? sniffed.SqlType : "DOUBLE" }, values);
    }

    /// <summary>A text column's profile from its merged value counts; null when the values are not clean UTF-8 text DuckDB would read the same.</summary>
    private static ColumnProfile? TextColumn(DataEngine engine, DatasetColumn column, long rows, List<Utf8ValueCounts> parts, ProfileSettings settings, string hashId)
    {
        var merged = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (!merged.AddAll(part))
            {
                return null;
            }
        }

        var values = new List<(byte[] Bytes, long Count)>();
        long count = 0;
        BigInteger lengthSum = 0;
        BigInteger lengthSquares = 0;
        foreach (var (bytes, n) in merged.Entries)
        {
            if (!Utf8.IsValid(bytes) || bytes.AsSpan().IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            {
                return null;
            }

            // DuckDB's length() counts code points: every byte that does not continue a sequence starts one.
            var length = (long)bytes.Length - bytes.Count(b => (b & 0xC0) == 0x80);
            values.Add((bytes, n));
            count += n;
            lengthSum += (BigInteger)length * n;
            lengthSquares += (BigInteger)length * length * n;
        }

        // Ties in value order, as DuckDB orders VARCHAR: by bytes.
        values.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        var strings = values.Select(v => Encoding.UTF8.GetString(v.Bytes)).ToList();
        var top = values.Take(settings.MaxCategories + 1).Select((v, i) => new CategoryCount(strings[i], v.Count)).ToList();
        var approxDistinct = count == 0
            ? 0
            : SqlValue.ToInt64(engine.Scalar($"SELECT approx_count_distinct(v) FROM (SELECT unnest({SqlText.List(strings)}::VARCHAR[]) AS v)"));
        return ProfileBuilder.TextColumn(
            column,
            rows,
            new TextColumnCounts(count, approxDistinct, lengthSum, lengthSquares, top),
            settings,
            () => DistinctRegisters.OfStrings(engine, strings),
            hashId);
    }
}
