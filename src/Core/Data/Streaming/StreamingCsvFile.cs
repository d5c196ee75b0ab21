using System.Buffers;
using ModelGates.Data.Direct;

namespace ModelGates.Data.Streaming;

/// <summary>
/// A plain CSV file (the files <see cref="DirectCsvReader"/> takes) read in passes of fixed-size ranges instead of
/// all at once: each pass parses a few ranges of <see cref="RangeBytes"/> in parallel, hands their number columns
/// to the caller in file order, and keeps only the counts of text and boolean columns, so memory stays bounded
/// whatever the file's length. The same checks as the direct reader decide whether its reading is DuckDB's; where
/// it is not, <see cref="Pass"/> returns null and the caller reads the file with DuckDB.
/// </summary>
internal sealed class StreamingCsvFile
{
    /// <summary>The bytes of one range: a few hundred thousand rows of a wide file.</summary>
    public const long RangeBytes = 16 << 20;

    private readonly DirectColumn[] kinds;
    private readonly IReadOnlyList<(long Start, long End)> ranges;

    private StreamingCsvFile(DatasetSource source, DataFile file, CsvDialect dialect, DirectColumn[] kinds, IReadOnlyList<(long Start, long End)> ranges)
    {
        Source = source;
        File = file;
        Dialect = dialect;
        this.kinds = kinds;
        this.ranges = ranges;
    }

    /// <summary>The dataset as given.</summary>
    public DatasetSource Source { get; }

    /// <summary>The one file.</summary>
    public DataFile File { get; }

    /// <summary>The dialect and column types DuckDB's sniffer gives the file.</summary>
    public CsvDialect Dialect { get; }

    /// <summary>How each column is parsed.</summary>
    public IReadOnlyList<DirectColumn> Kinds => kinds;

    /// <summary>Opens <paramref name="source"/> for streaming, or returns null when the direct reader would not take it.</summary>
    /// <exception cref="DataReadException">The path names no readable data (as when DuckDB reads it).</exception>
    /// <param name="engine">An engine for DuckDB's sniffer.</param>
    /// <param name="source">The dataset.</param>
    /// <param name="rangeBytes">The bytes of a range (<see cref="RangeBytes"/>; tests use small ranges).</param>
    public static StreamingCsvFile? TryOpen(DataEngine engine, DatasetSource source, long rangeBytes = RangeBytes)
    {
        if (!DirectCsvReader.OptionsAllowDirectRead(source))
        {
            return null;
        }

        var files = DataFileResolver.Resolve(engine, source);
        if (files.Count != 1 || DataFileResolver.ResolveFormat(source, files) != DataFormat.Csv)
        {
            return null;
        }

        var path = files[0].Path;
        try
        {
            var head = DirectCsvReader.Head(path);
            if (DirectCsvReader.IsCompressed(path, head))
            {
                return null;
            }

            var dialect = DatasetLoader.SniffDialect(engine, source, path);
            var kinds = dialect is null ? null : DirectCsvReader.KindsOf(dialect);
            if (dialect is null || kinds is null || (!dialect.HasHeader && head.AsSpan().StartsWith("\uFEFF"u8)))
            {
                return null;
            }

            return new StreamingCsvFile(source, files[0], dialect, kinds, Split(path, files[0].Length, rangeBytes));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the file once: <paramref name="numbers"/> receives each range's non-missing values of every number
    /// column (by column index; empty for other columns), range after range in file order, valid only during the
    /// call. Returns what the pass counted, or null when the file cannot be read as DuckDB would read it (then
    /// whatever the caller received is to be discarded).
    /// </summary>
    public StreamedCsvPass? Pass(Action<ReadOnlyMemory<double>[]> numbers, int distinctCapacity = DirectCsvReader.DistinctCapacity)
    {
        try
        {
            return Read(numbers, distinctCapacity);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private StreamedCsvPass? Read(Action<ReadOnlyMemory<double>[]> consume, int distinctCapacity)
    {
        var path = File.Path;
        var numberColumns = kinds.Count(k => k == DirectColumn.Number);
        var texts = new Utf8ValueCounts?[kinds.Length];
        var nonMissing = new long[kinds.Length];
        var trues = new long[kinds.Length];
        var fractional = new bool[kinds.Length];
        long rows = 0;
        byte? quote = Dialect.Quote.Length == 1 ? (byte)Dialect.Quote[0] : null;
        var window = Math.Max(2, Environment.ProcessorCount * 2);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        for (var first = 0; first < ranges.Count; first += window)
        {
            var count = Math.Min(window, ranges.Count - first);
            var results = new (CsvRangeSummary? Summary, double[]? Block, int Stride)[count];
            var stopped = 0;
            Parallel.For(0, count, options, k =>
            {
                var (start, end) = ranges[first + k];
                var lines = CsvRanges.CountLines(path, start, end, File.Length);
                if (lines > int.MaxValue / Math.Max(1, numberColumns))
                {
                    Interlocked.Exchange(ref stopped, 1);
                    return;
                }

                var stride = (int)lines;
                var block = ArrayPool<double>.Shared.Rent(Math.Max(1, stride * numberColumns));
                var arrays = new double[]?[kinds.Length];
                var bases = new int[kinds.Length];
                for (int i = 0, j = 0; i < kinds.Length; i++)
                {
                    if (kinds[i] == DirectColumn.Number)
                    {
                        arrays[i] = block;
                        bases[i] = j++ * stride;
                    }
                }

                var reader = new CsvRangeReader((byte)Dialect.Delimiter[0], quote, Dialect.NewLine == "\r\n", kinds, () => Volatile.Read(ref stopped) != 0);
                var summary = reader.Read(path, new CsvRange(start, end, stride, 0), arrays, bases, skipFirstLine: first + k == 0 && Dialect.HasHeader, distinctCapacity);
                results[k] = (summary, block, stride);
                if (summary is null)
                {
                    Interlocked.Exchange(ref stopped, 1);
                }
            });

            try
            {
                if (stopped != 0)
                {
                    return null;
                }

                foreach (var (summary, block, stride) in results)
                {
                    var chunk = new ReadOnlyMemory<double>[kinds.Length];
                    for (var i = 0; i < kinds.Length; i++)
                    {
                        var column = summary!.Columns[i];
                        switch (kinds[i])
                        {
                            case DirectColumn.Number:
                                chunk[i] = block.AsMemory(column.Base, summary.NumberCount(i));
                                nonMissing[i] += summary.NumberCount(i);
                                fractional[i] |= column.Fractional;
                                break;
                            case DirectColumn.Boolean:
                                nonMissing[i] += column.NonMissing;
                                trues[i] += column.Trues;
                                break;
                            default:
                                if (texts[i] is null)
                                {
                                    texts[i] = column.Texts;
                                }
                                else if (!texts[i]!.AddAll(column.Texts!))
                                {
                                    return null;
                                }

                                break;
                        }
                    }

                    rows += summary!.Rows;
                    consume(chunk);
                }
            }
            finally
            {
                foreach (var (_, block, _) in results)
                {
                    if (block is not null)
                    {
                        ArrayPool<double>.Shared.Return(block);
                    }
                }
            }
        }

        if (rows == 0)
        {
            return null;
        }

        var columns = new DirectColumnData[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            var sniffed = Dialect.Columns[i];
            switch (kinds[i])
            {
                case DirectColumn.Number:
                    var integer = SqlTypes.IsInteger(sniffed.SqlType) && !fractional[i];
                    columns[i] = new DirectColumnData { Column = sniffed with { SqlType = integer ? sniffed.SqlType : "DOUBLE" }, Kind = DirectColumn.Number, NonMissing = nonMissing[i] };
                    break;
                case DirectColumn.Boolean:
                    columns[i] = new DirectColumnData { Column = sniffed, Kind = DirectColumn.Boolean, NonMissing = nonMissing[i], Trues = trues[i] };
                    break;
                default:
                    if (DirectCsvReader.TextColumn(sniffed, [texts[i] ?? new Utf8ValueCounts(distinctCapacity)]) is not { } text)
                    {
                        return null;
                    }

                    columns[i] = text;
                    break;
            }
        }

        return new StreamedCsvPass(rows, columns);
    }

    /// <summary>Ranges of <see cref="RangeBytes"/>, each moved on to the next line start: they depend on the file alone.</summary>
    private static List<(long Start, long End)> Split(string path, long length, long rangeBytes)
    {
        var starts = new List<long> { 0 };
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            var buffer = new byte[64 * 1024];
            for (var at = rangeBytes; at < length; at += rangeBytes)
            {
                var next = CsvRanges.NextLineStart(file, buffer, Math.Max(at, starts[^1]), length);
                if (next > starts[^1] && next < length)
                {
                    starts.Add(next);
                }
            }
        }

        return starts.Select((s, k) => (s, k + 1 < starts.Count ? starts[k + 1] : length)).ToList();
    }
}

/// <summary>What one pass over a streamed CSV file counted: its rows, and each column's type and counts (text columns with their value counts; number columns without values).</summary>
/// <param name="Rows">Data records.</param>
/// <param name="Columns">The columns in file order.</param>
internal sealed record StreamedCsvPass(long Rows, IReadOnlyList<DirectColumnData> Columns);
