using System.Text.Unicode;
using ModelGates.Memory;

namespace ModelGates.Data.Direct;

/// <summary>
/// Reads a plain CSV file without loading it into DuckDB: the file is split at line starts and the parts are
/// parsed in parallel straight into per-column arrays and value counts. DuckDB still decides the dialect and
/// the column types (its sniffer, with the options a full read uses), so the columns, their types and their
/// values are those a DuckDB table of the file would hold.
/// <para>
/// It applies only where its reading is provably DuckDB's: one uncompressed UTF-8 file, no quote characters,
/// no comment lines or skipped rows, numbers in plain decimal form, booleans in DuckDB's spellings, every
/// record with all its fields, text columns with at most <see cref="DistinctCapacity"/> distinct values, number
/// columns that fit in half the memory available, and no data options beyond the delimiter and the header. Anywhere else it returns null and the caller reads
/// the file with DuckDB, whose diagnostics (unparsed rows with their lines, encodings) then apply.
/// </para>
/// </summary>
internal static class DirectCsvReader
{
    /// <summary>The most distinct values a text column may have for the direct path to apply.</summary>
    public const int DistinctCapacity = 50_000;

    /// <summary>The smallest part of a file read by one task.</summary>
    public const long MinimumBytesPerRange = 4 << 20;

    /// <summary>Reads <paramref name="source"/>, or returns null when the direct path does not apply.</summary>
    /// <param name="engine">The run's DuckDB, which sniffs the dialect.</param>
    /// <param name="source">The dataset.</param>
    /// <param name="minimumBytesPerRange">The smallest part of the file one task reads.</param>
    /// <param name="distinctCapacity">The most distinct values of a text column.</param>
    /// <param name="hashed">
    /// When given, the file is hashed in the read that splits it (<see cref="CsvRanges.Split"/>), and this is called with
    /// its size and SHA-256 (lower-case hex) if that read completes; it may be called even when the direct path then declines.
    /// </param>
    /// <exception cref="DataReadException">The path names no readable data (as when DuckDB reads it).</exception>
    public static DirectCsvData? TryRead(DataEngine engine, DatasetSource source, long minimumBytesPerRange = MinimumBytesPerRange, int distinctCapacity = DistinctCapacity, Action<long, string>? hashed = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return Read(engine, source, minimumBytesPerRange, distinctCapacity, hashed);
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

    private static DirectCsvData? Read(DataEngine engine, DatasetSource source, long minimumBytesPerRange, int distinctCapacity, Action<long, string>? hashed)
    {
        if (!OptionsAllowDirectRead(source))
        {
            return null;
        }

        // Partition folders add columns that are not in the file: DuckDB's read adds them.
        var (files, layout, _) = DataFileResolver.ResolvePartitions(engine, source);
        if (files.Count != 1 || layout is not null || DataFileResolver.ResolveFormat(source, files) != DataFormat.Csv)
        {
            return null;
        }

        var path = files[0].Path;
        var head = Head(path);
        if (IsCompressed(path, head))
        {
            return null;
        }

        // Splitting the file at line starts needs no dialect, and a guessed dialect is nearly always DuckDB's: the
        // file is split and parsed with the guess on the other cores while DuckDB sniffs it, and the parse is kept
        // only if the sniff agrees.
        var splitting = Task.Run(() => CsvRanges.Split(path, files[0].Length, minimumBytesPerRange, Environment.ProcessorCount * 4, hashed));
        var guessing = Task.Run(() => CsvDialectGuess.From(path));
        var abandoned = 0;
        var speculation = Task.WhenAll(splitting, guessing).ContinueWith(
            _ => guessing.Result is { } guess && splitting.Result is { } split
                ? ReadRanges(path, guess.ToDialect(), guess.Kinds, split, distinctCapacity, () => Volatile.Read(ref abandoned) != 0)
                : null,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        CsvDialect? dialect = null;
        IReadOnlyList<CsvRange>? ranges;
        DirectColumn[]? kinds = null;
        List<CsvRangeSummary>? summaries;
        var agreed = false;
        try
        {
            dialect = DatasetLoader.SniffDialect(engine, source, path);
            kinds = dialect is null ? null : KindsOf(dialect);
        }
        finally
        {
            // Splitting or guessing failed (the file changed or vanished): their exception is the one to report.
            ranges = splitting.GetAwaiter().GetResult();
            var guessed = guessing.GetAwaiter().GetResult();
            agreed = guessed is not null && dialect is not null && kinds is not null && guessed.Matches(dialect, kinds);
            if (!agreed)
            {
                Interlocked.Exchange(ref abandoned, 1);
            }

            var speculative = speculation.GetAwaiter().GetResult();
            summaries = agreed ? speculative : null;
        }

        if (dialect is null || kinds is null || (!dialect.HasHeader && head.AsSpan().StartsWith("\uFEFF"u8)))
        {
            // DuckDB drops a byte order mark; without a header line to skip it would start the first value here.
            return null;
        }

        if (!agreed)
        {
            summaries = ranges is null ? null : ReadRanges(path, dialect, kinds, ranges, distinctCapacity, () => false);
        }

        if (summaries is null || summaries.Sum(s => s.Rows) is var rows && rows == 0)
        {
            return null;
        }

        var columns = new DirectColumnData?[kinds.Length];
        Parallel.For(0, kinds.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            columns[i] = kinds[i] switch
            {
                DirectColumn.Number => NumberColumn(dialect.Columns[i], summaries, i),
                DirectColumn.Boolean => new DirectColumnData
                {
                    Column = dialect.Columns[i],
                    Kind = DirectColumn.Boolean,
                    NonMissing = summaries.Sum(s => s.Columns[i].NonMissing),
                    Trues = summaries.Sum(s => s.Columns[i].Trues),
                },
                _ => TextColumn(dialect.Columns[i], summaries.Select(s => s.Columns[i].Texts!).ToList()),
            };
        });
        if (columns.Any(c => c is null))
        {
            return null;
        }

        return new DirectCsvData { Path = source.Path, File = files[0], Rows = rows, Columns = columns.Select(c => c!).ToList(), Dialect = dialect };
    }

    internal static bool OptionsAllowDirectRead(DatasetSource source)
    {
        var csv = source.Csv;
        return !source.AllText
            && source.Format is DataFormat.Auto or DataFormat.Csv
            && csv.Delimiter is null or { Length: 1 }
            && csv.Quote is null && csv.Escape is null && csv.NullStrings is null && csv.Encoding is null && csv.Skip is null
            && csv.ColumnTypes is null or { Count: 0 };
    }

    /// <summary>The file's first four bytes (fewer when it is shorter): compression magic numbers and a byte order mark.</summary>
    internal static byte[] Head(string path)
    {
        var head = new byte[4];
        using var file = File.OpenRead(path);
        return head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
    }

    /// <summary>Compressed files are DuckDB's to read (by extension, as DuckDB decides, or by magic number).</summary>
    internal static bool IsCompressed(string path, byte[] head)
    {
        var name = path.ToLowerInvariant();
        return name.EndsWith(".gz", StringComparison.Ordinal) || name.EndsWith(".zst", StringComparison.Ordinal) || name.EndsWith(".bz2", StringComparison.Ordinal)
            || head.AsSpan().StartsWith(new byte[] { 0x1f, 0x8b }) || head.AsSpan().StartsWith(new byte[] { 0x28, 0xb5, 0x2f, 0xfd });
    }

    internal static DirectColumn[]? KindsOf(CsvDialect dialect)
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

    /// <summary>Parses the ranges in parallel; null when any range cannot be read as DuckDB would, or when <paramref name="abandoned"/> turns true.</summary>
    private static List<CsvRangeSummary>? ReadRanges(string path, CsvDialect dialect, DirectColumn[] kinds, IReadOnlyList<CsvRange> ranges, int distinctCapacity, Func<bool> abandoned)
    {
        var lines = ranges.Sum(r => r.Lines);
        if ((long)lines * kinds.Count(k => k == DirectColumn.Number) * sizeof(double) > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2)
        {
            // Every number column is held at once; DuckDB's table path holds one at a time.
            return null;
        }

        // One block for every number column, each column starting on a 2 MB page: all of it is huge pages, where
        // separate arrays left a quarter of each to 4 KB pages and a page fault per 4 KB on first touch.
        // Small files keep one plain block: a huge page per column would be mostly empty.
        const int pageOfDoubles = 1 << 18;
        var numberColumns = kinds.Count(k => k == DirectColumn.Number);
        var stride = lines < pageOfDoubles ? lines : (lines + pageOfDoubles - 1) & ~(pageOfDoubles - 1);
        if ((long)stride * numberColumns + pageOfDoubles > Array.MaxLength)
        {
            // More numbers than one array holds: DuckDB's table path reads one column at a time.
            return null;
        }

        var (block, offset) = lines < pageOfDoubles
            ? (GC.AllocateUninitializedArray<double>(Math.Max(1, stride * numberColumns)), 0)
            : HugePages.AlignedDoubles((long)stride * numberColumns);
        var numbers = new double[]?[kinds.Length];
        var bases = new int[kinds.Length];
        for (int i = 0, j = 0; i < kinds.Length; i++)
        {
            if (kinds[i] == DirectColumn.Number)
            {
                numbers[i] = block;
                bases[i] = offset + (j++ * stride);
            }
        }

        var results = new CsvRangeSummary?[ranges.Count];
        var stopped = 0;
        byte? quote = dialect.Quote.Length == 1 ? (byte)dialect.Quote[0] : null;
        Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var reader = new CsvRangeReader((byte)dialect.Delimiter[0], quote, dialect.NewLine == "\r\n", kinds, () => Volatile.Read(ref stopped) != 0 || abandoned());
            results[k] = reader.Read(path, ranges[k], numbers, bases, skipFirstLine: k == 0 && dialect.HasHeader, distinctCapacity);
            if (results[k] is null)
            {
                Interlocked.Exchange(ref stopped, 1);
            }
        });
        return stopped != 0 || abandoned() ? null : results.Select(r => r!).ToList();
    }

    /// <summary>
    /// A number column's values in file order and its type as a DuckDB read gives it: integer columns stay
    /// integer only when every value is whole (and then hold no negative zero, as a BIGINT cannot).
    /// </summary>
    private static DirectColumnData NumberColumn(DatasetColumn sniffed, List<CsvRangeSummary> summaries, int index)
    {
        // Each range wrote from its first possible row; close the gaps that missing values and the header left.
        var array = summaries[0].Columns[index].Numbers!;
        var start = summaries[0].Columns[index].Base;
        var at = 0;
        foreach (var summary in summaries)
        {
            Array.Copy(array, start + summary.FirstRow, array, start + at, summary.NumberCount(index));
            at += summary.NumberCount(index);
        }

        var values = array.AsMemory(start, at);
        var integer = SqlTypes.IsInteger(sniffed.SqlType) && !summaries.Any(s => s.Columns[index].Fractional);
        if (integer)
        {
            var span = values.Span;
            for (var i = 0; i < span.Length; i++)
            {
                span[i] += 0.0;
            }
        }

        return new DirectColumnData
        {
            Column = sniffed with { SqlType = integer ? sniffed.SqlType : "DOUBLE" },
            Kind = DirectColumn.Number,
            NonMissing = at,
            Numbers = values,
        };
    }

    /// <summary>A text column's merged value counts; null when they are too many, or not clean UTF-8 text DuckDB would read the same.</summary>
    internal static DirectColumnData? TextColumn(DatasetColumn column, List<Utf8ValueCounts> parts)
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
        foreach (var (bytes, count) in merged.Entries)
        {
            if (!Utf8.IsValid(bytes) || bytes.AsSpan().IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            {
                return null;
            }

            values.Add((bytes, count));
        }

        var nonMissing = values.Sum(v => v.Count);
        var strays = values.Where(v => !Utf8Number.TryParse(v.Bytes, out _)).Sum(v => v.Count);
        if (DatasetLoader.IsNumbersWithStrays(nonMissing, strays))
        {
            // Numbers with a few bad records: the table path reports those records and reads the column as numbers.
            return null;
        }

        return new DirectColumnData { Column = column, Kind = DirectColumn.Text, NonMissing = nonMissing, Values = values };
    }
}
