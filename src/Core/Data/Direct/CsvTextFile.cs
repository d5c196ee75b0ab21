namespace ModelGates.Data.Direct;

/// <summary>
/// A plain CSV file to be read with every value as text, without a table: what DuckDB's all-text read
/// (<see cref="DatasetSource.AllText"/>) gives, for readers that only need each row's raw values (the quality
/// checks' duplicates, conflicting labels and leakage). DuckDB's sniff, with the options of that read, decides the
/// dialect, the header and the column names; the reader of the rows (<c>Quality/Integrity/DirectRowPass</c>) then
/// declines anything it might read differently (a quote character, a record with the wrong field count, an empty
/// line, a stray carriage return, a NUL byte, text that is not UTF-8), and the caller loads the file into DuckDB.
/// </summary>
internal sealed class CsvTextFile
{
    /// <summary>The source read.</summary>
    public required DatasetSource Source { get; init; }

    /// <summary>The one file.</summary>
    public required DataFile File { get; init; }

    /// <summary>The field delimiter.</summary>
    public required byte Delimiter { get; init; }

    /// <summary>The sniffed quote character, if any: a file holding it (or a double quote) is declined.</summary>
    public required byte? Quote { get; init; }

    /// <summary>Whether lines end in CR LF.</summary>
    public required bool CrLf { get; init; }

    /// <summary>Whether the first line is the header.</summary>
    public required bool HasHeader { get; init; }

    /// <summary>The column names, in file order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The file split at line starts, with the lines of each part.</summary>
    public required IReadOnlyList<CsvRange> Ranges { get; init; }

    /// <summary>The file, or null when its options, format, compression or dialect are not plain enough to read without DuckDB.</summary>
    /// <exception cref="DataReadException">The path names no readable data (as when DuckDB reads it).</exception>
    public static CsvTextFile? TryOpen(DataEngine engine, DatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return Open(engine, source);
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

    private static CsvTextFile? Open(DataEngine engine, DatasetSource source)
    {
        var csv = source.Csv;
        if (source.Format is not (DataFormat.Auto or DataFormat.Csv) || csv.Delimiter is not (null or { Length: 1 })
            || csv.Quote is not null || csv.Escape is not null || csv.NullStrings is not null || csv.Encoding is not null || csv.Skip is not null
            || csv.ColumnTypes is { Count: > 0 })
        {
            return null;
        }

        var (files, layout, _) = DataFileResolver.ResolvePartitions(engine, source);
        if (files.Count != 1 || layout is not null || DataFileResolver.ResolveFormat(source, files) != DataFormat.Csv)
        {
            return null;
        }

        var path = files[0].Path;
        var head = DirectCsvReader.Head(path);
        if (DirectCsvReader.IsCompressed(path, head))
        {
            return null;
        }

        var dialect = DatasetLoader.SniffDialect(engine, source, path, asText: true);
        if (dialect is null || dialect.Delimiter.Length != 1 || dialect.Delimiter[0] > 127 || dialect.Delimiter[0] is '\r' or '\n' or '"'
            || dialect.Quote.Length > 1 || dialect.Comment.Length > 0 || dialect.SkipRows != 0 || dialect.NewLine is not ("\n" or "\r\n")
            || dialect.Columns.Count == 0 || (!dialect.HasHeader && head.AsSpan().StartsWith("\uFEFF"u8)))
        {
            // Without a header line to skip, DuckDB drops a byte order mark that would start the first value here.
            return null;
        }

        var ranges = CsvRanges.Split(path, files[0].Length, DirectCsvReader.MinimumBytesPerRange, Environment.ProcessorCount * 4);
        if (ranges is null)
        {
            return null;
        }

        return new CsvTextFile
        {
            Source = source,
            File = files[0],
            Delimiter = (byte)dialect.Delimiter[0],
            Quote = dialect.Quote.Length == 1 ? (byte)dialect.Quote[0] : null,
            CrLf = dialect.NewLine == "\r\n",
            HasHeader = dialect.HasHeader,
            Columns = [.. dialect.Columns.Select(c => c.Name)],
            Ranges = ranges,
        };
    }

    /// <summary>
    /// The dataset as a DuckDB read would describe it (every column VARCHAR, the row locator of one file), with no table
    /// behind it: only readers that know <paramref name="rows"/> come from this file may use it.
    /// </summary>
    public LoadedDataset Describe(long rows)
    {
        var linesBeforeData = HasHeader ? 1 : 0;
        return new LoadedDataset(
            Source,
            string.Empty,
            DataFormat.Csv,
            [File],
            [.. Columns.Select(c => new DatasetColumn(c, "VARCHAR"))],
            rows,
            new UnparsedRows(0, []),
            new RowLocator([new RowLocator.FileRows(File.Path, 0, linesBeforeData, [])], linesKnown: true));
    }
}
