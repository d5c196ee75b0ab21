using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;

namespace ModelGates.Data;

/// <summary>
/// Reads a dataset into a table of the engine. Records that fail to parse are never dropped
/// silently: DuckDB's reject tables give each one's file, line and reason, and they are returned
/// with the dataset for the caller to report.
/// </summary>
internal static partial class DatasetLoader
{
    /// <summary>The hidden column that names each row's file when a glob matched several files.</summary>
    public const string FileColumn = "__mg_file";

    private const int ExampleCount = 5;
    private const int MaxWidenings = 4;

    /// <summary>Reads <paramref name="source"/> into a new table.</summary>
    /// <exception cref="DataReadException">The data cannot be read; the diagnostic says why (exit code 3).</exception>
    public static LoadedDataset Load(DataEngine engine, DatasetSource source)
    {
        var resolved = DataFileResolver.ResolvePartitions(engine, source);
        return Load(engine, source, resolved.Files, resolved.Layout);
    }

    /// <summary>
    /// Reads <paramref name="files"/> of <paramref name="source"/> into a new table; with a <paramref name="layout"/>, its
    /// partition columns are added with the types fixed from the whole dataset (one partition is read this way).
    /// </summary>
    /// <exception cref="DataReadException">The data cannot be read; the diagnostic says why (exit code 3).</exception>
    internal static LoadedDataset Load(DataEngine engine, DatasetSource source, IReadOnlyList<DataFile> files, PartitionLayout? layout)
    {
        var format = DataFileResolver.ResolveFormat(source, files);
        var table = engine.NewName("data");
        var hive = layout?.ReadOption ?? PartitionLayout.NoPartitionsOption;
        return format switch
        {
            DataFormat.Parquet => LoadParquet(engine, source, files, table, hive),
            DataFormat.JsonLines => LoadJsonLines(engine, source, files, table, hive),
            _ => LoadCsv(engine, source, files, table, hive, layout?.Keys ?? []),
        };
    }

    private static LoadedDataset LoadCsv(DataEngine engine, DatasetSource source, IReadOnlyList<DataFile> files, string table, string hive, IReadOnlyList<string> partitionKeys)
    {
        var declared = source.Csv.ColumnTypes ?? new Dictionary<string, string>();
        var widened = new Dictionary<string, string>(StringComparer.Ordinal);

        // DuckDB's CSV reader rounds "2.5" into an integer column without a word. Integer columns are
        // therefore read as DOUBLE and narrowed back only when every value is whole (NarrowIntegers).
        var sniff = Sniff(engine, source with { AllText = false }, files, declared);
        var integers = source.AllText
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : sniff.Types.Where(p => SqlTypes.IsInteger(p.Value)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var rejects = engine.NewName("rejects");
            var scans = engine.NewName("scans");
            var types = new Dictionary<string, string>(declared, StringComparer.Ordinal);
            foreach (var (name, type) in widened.Where(w => !declared.ContainsKey(w.Key)))
            {
                types[name] = type;
            }

            foreach (var name in integers.Keys.Where(n => !widened.ContainsKey(n)))
            {
                types[name] = "DOUBLE";
            }

            var options = CsvReadOptions(source, files.Count > 1, types, rejects, scans) + hive;
            Run(engine, files, $"CREATE OR REPLACE TABLE {SqlText.Identifier(table)} AS SELECT * FROM read_csv({FileList(files)}{options})");

            var columns = Columns(engine, table);
            var errors = ReadRejects(engine, rejects, scans);
            ThrowOnEncoding(errors);

            // A sniffed type can be too narrow for a value past the sniffer's sample; widen and read again
            // rather than reject good data. Declared types are the user's word: their failures are real.
            var tooNarrow = errors
                .Where(e => e.ErrorType == "CAST" && e.Column is not null && !declared.ContainsKey(e.Column))
                .Select(e => e.Column!)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (tooNarrow.Count > 0 && attempt < MaxWidenings)
            {
                foreach (var name in tooNarrow)
                {
                    var current = columns.First(c => c.Name == name).SqlType;
                    widened[name] = SqlTypes.Widen(current);
                }

                continue;
            }

            var header = source.Csv.Header ?? sniff.HasHeader;
            var linesBeforeData = (header ? 1 : 0) + (source.Csv.Skip ?? 0);
            var unparsed = Unparsed(errors);
            var fractional = NarrowIntegers(engine, table, integers.Where(p => !widened.ContainsKey(p.Key)).ToDictionary(), declared);
            if (fractional.Count > 0)
            {
                unparsed = RejectFractions(engine, source, files, table, columns, unparsed, linesBeforeData, fractional);
            }

            if (!source.AllText)
            {
                // Partition columns hold folder values, not records: never strays.
                var keep = new Dictionary<string, string>(declared, StringComparer.Ordinal);
                foreach (var key in partitionKeys)
                {
                    keep.TryAdd(key, "VARCHAR");
                }

                unparsed = RejectStrays(engine, source, files, table, unparsed, linesBeforeData, keep);
            }

            return Finish(engine, source, files, table, DataFormat.Csv, Columns(engine, table), unparsed, linesBeforeData, linesKnown: true);
        }
    }

    /// <summary>
    /// DuckDB's sniffer on the first file: whether it has a header (line numbers depend on it) and the type of
    /// each column. A failed sniff yields nothing; the full read then reports the problem with its own diagnostic.
    /// </summary>
    private static CsvSniff Sniff(DataEngine engine, DatasetSource source, IReadOnlyList<DataFile> files, IReadOnlyDictionary<string, string> declared) =>
        SniffDialect(engine, source, files[0].Path, declared) is { } dialect
            ? new CsvSniff(dialect.HasHeader, dialect.Columns.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().SqlType, StringComparer.Ordinal))
            : new CsvSniff(true, new Dictionary<string, string>(StringComparer.Ordinal));

    private sealed record CsvSniff(bool HasHeader, IReadOnlyDictionary<string, string> Types);

    /// <summary>
    /// Narrows integer columns read as DOUBLE back to their integer type when every value is whole. A sniffed
    /// column with a fraction stays DOUBLE. Returns the declared integer columns holding fractions.
    /// </summary>
    private static Dictionary<string, string> NarrowIntegers(DataEngine engine, string table, Dictionary<string, string> integers, IReadOnlyDictionary<string, string> declared)
    {
        var fractional = new Dictionary<string, string>(StringComparer.Ordinal);
        if (integers.Count == 0)
        {
            return fractional;
        }

        var names = integers.Keys.ToList();
        var select = names.Select(n => $"count(*) FILTER (WHERE {SqlText.Identifier(n)} <> trunc({SqlText.Identifier(n)}))");
        var row = engine.Row($"SELECT {string.Join(", ", select)} FROM {SqlText.Identifier(table)}");
        for (var i = 0; i < names.Count; i++)
        {
            var hasFractions = SqlValue.ToInt64(row[i]) > 0;
            if (hasFractions && declared.ContainsKey(names[i]))
            {
                fractional[names[i]] = integers[names[i]];
            }
            else if (!hasFractions)
            {
                engine.Execute($"ALTER TABLE {SqlText.Identifier(table)} ALTER COLUMN {SqlText.Identifier(names[i])} SET DATA TYPE {integers[names[i]]}");
            }
        }

        return fractional;
    }

    /// <summary>Rows whose value in a declared integer column has a fraction did not parse: report them and take them out.</summary>
    private static List<UnparsedRow> RejectFractions(
        DataEngine engine,
        DatasetSource source,
        IReadOnlyList<DataFile> files,
        string table,
        List<DatasetColumn> columns,
        List<UnparsedRow> unparsed,
        long linesBeforeData,
        Dictionary<string, string> fractional)
    {
        var locator = Finish(engine, source, files, table, DataFormat.Csv, columns, unparsed, linesBeforeData, linesKnown: true).Locator;
        var quoted = SqlText.Identifier(table);
        var condition = string.Join(" OR ", fractional.Keys.Select(n => $"{SqlText.Identifier(n)} <> trunc({SqlText.Identifier(n)})"));
        var rows = engine.Query($"SELECT rowid FROM {quoted} WHERE {condition} ORDER BY rowid", r => SqlValue.ToInt64(r.GetValue(0)));
        var added = rows.Select(rowId =>
        {
            var at = locator.Example(rowId, null);
            var file = at.File ?? files[0].Path;
            return new UnparsedRow(file, at.Line ?? at.Row, $"A value is not a whole number, as the declared type ({string.Join(", ", fractional.Select(f => $"{f.Key} {f.Value}"))}) requires", string.Empty);
        }).ToList();

        // Rewriting the table keeps rowids contiguous, as the row locator (which now counts these rows as rejected) expects.
        var casts = string.Join(", ", columns.Select(c => fractional.TryGetValue(c.Name, out var type)
            ? $"CAST({SqlText.Identifier(c.Name)} AS {type}) AS {SqlText.Identifier(c.Name)}"
            : SqlText.Identifier(c.Name)));
        engine.Execute($"CREATE OR REPLACE TABLE {quoted} AS SELECT {casts} FROM {quoted} WHERE NOT ({condition}) ORDER BY rowid");

        return unparsed.Concat(added).OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ToList();
    }

    /// <summary>
    /// The types DuckDB's sniffer gives the columns of a delimited-text dataset that was read as text
    /// (contract validation reads text to count bad values itself, and types undeclared columns with these).
    /// </summary>
    public static IReadOnlyDictionary<string, string> SniffTypes(DataEngine engine, LoadedDataset dataset)
    {
        if (dataset.Format != DataFormat.Csv || !dataset.Source.AllText)
        {
            return dataset.Columns.ToDictionary(c => c.Name, c => c.SqlType, StringComparer.Ordinal);
        }

        return Sniff(engine, dataset.Source with { AllText = false }, dataset.Files, new Dictionary<string, string>(StringComparer.Ordinal)).Types;
    }

    private static LoadedDataset LoadParquet(DataEngine engine, DatasetSource source, IReadOnlyList<DataFile> files, string table, string hive)
    {
        foreach (var file in files)
        {
            if (!HasParquetMagic(file.Path))
            {
                throw new DataReadException(DiagnosticCatalog.CorruptParquet.Create(
                    $"'{file.Path}' is not a readable Parquet file: it lacks the 'PAR1' marker at its start and end (truncated, or not Parquet).") with { File = file.Path });
            }
        }

        var filename = files.Count > 1 ? $", filename = {SqlText.Literal(FileColumn)}" : string.Empty;
        Run(engine, files, $"CREATE TABLE {SqlText.Identifier(table)} AS SELECT * FROM read_parquet({FileList(files)}{filename}{hive})", DiagnosticCatalog.CorruptParquet);
        return Finish(engine, source, files, table, DataFormat.Parquet, Columns(engine, table), [], 0, linesKnown: false);
    }

    private static LoadedDataset LoadJsonLines(DataEngine engine, DatasetSource source, IReadOnlyList<DataFile> files, string table, string hive)
    {
        var filename = files.Count > 1 ? $", filename = {SqlText.Literal(FileColumn)}" : string.Empty;
        Run(engine, files, $"CREATE TABLE {SqlText.Identifier(table)} AS SELECT * FROM read_json({FileList(files)}, format = 'newline_delimited'{filename}{hive})", DiagnosticCatalog.MalformedJsonLines);
        return Finish(engine, source, files, table, DataFormat.JsonLines, Columns(engine, table), [], 0, linesKnown: true);
    }

    private static LoadedDataset Finish(
        DataEngine engine,
        DatasetSource source,
        IReadOnlyList<DataFile> files,
        string table,
        DataFormat format,
        List<DatasetColumn> columns,
        IReadOnlyList<UnparsedRow> unparsed,
        long linesBeforeData,
        bool linesKnown)
    {
        var quoted = SqlText.Identifier(table);
        var rows = Convert.ToInt64(engine.Scalar($"SELECT count(*) FROM {quoted}"), CultureInfo.InvariantCulture);
        if (rows == 0)
        {
            var why = unparsed.Count > 0
                ? $" {unparsed.Count} record(s) failed to parse; the first, at line {unparsed[0].Line} of '{PathDisplay.For(unparsed[0].File)}': {unparsed[0].Reason}."
                : " It holds a header (or nothing) but no rows.";
            throw new DataReadException(DiagnosticCatalog.NoDataRows.Create($"'{PathDisplay.For(source.Path)}' has no data rows.{why}") with { File = source.Path });
        }

        var rejectedByFile = unparsed
            .GroupBy(r => r.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(r => r.Line - linesBeforeData).Order().ToList(), StringComparer.Ordinal);
        var fileRows = new List<RowLocator.FileRows>();
        if (files.Count == 1)
        {
            fileRows.Add(new(files[0].Path, 0, linesBeforeData, rejectedByFile.GetValueOrDefault(files[0].Path) ?? []));
        }
        else
        {
            var firstRows = engine.Query(
                $"SELECT {SqlText.Identifier(FileColumn)}, min(rowid) FROM {quoted} GROUP BY 1",
                r => (File: r.GetString(0), First: SqlValue.ToInt64(r.GetValue(1))));
            foreach (var (file, first) in firstRows.OrderBy(f => f.First))
            {
                fileRows.Add(new(file, first, linesBeforeData, rejectedByFile.GetValueOrDefault(file) ?? []));
            }
        }

        var visible = columns.Where(c => c.Name != FileColumn).ToList();
        var examples = unparsed.Take(ExampleCount).Select(u => u with { Record = u.Line - linesBeforeData }).ToList();
        return new LoadedDataset(source, quoted, format, files, visible, rows, new UnparsedRows(unparsed.Count, examples), new RowLocator(fileRows, linesKnown));
    }

    /// <summary>read_csv options for a full read: rejects kept in named tables, the file name when there are several files.</summary>
    private static string CsvReadOptions(DatasetSource source, bool multipleFiles, Dictionary<string, string> types, string rejects, string scans)
    {
        var options = $", store_rejects = true, rejects_table = {SqlText.Literal(rejects)}, rejects_scan = {SqlText.Literal(scans)}, rejects_limit = 0";
        if (multipleFiles)
        {
            options += $", filename = {SqlText.Literal(FileColumn)}";
        }

        return options + DialectOptions(source, types);
    }

    /// <summary>
    /// Options for sniffing only. Rejects must be on here too: without them one malformed record makes the
    /// sniffer misjudge the header, and declared column names then "do not exist".
    /// </summary>
    private static string SniffOptions(DataEngine engine, DatasetSource source, Dictionary<string, string> types) =>
        CsvReadOptions(source, multipleFiles: false, types, engine.NewName("rejects"), engine.NewName("scans"));

    /// <summary>read_csv options that say how to parse: the user's overrides and declared types.</summary>
    private static string DialectOptions(DatasetSource source, Dictionary<string, string> types)
    {
        var csv = source.Csv;
        var options = new StringBuilder();
        if (source.AllText)
        {
            options.Append(", all_varchar = true");
        }

        if (csv.Delimiter is { } delimiter)
        {
            options.Append(CultureInfo.InvariantCulture, $", delim = {SqlText.Literal(delimiter)}");
        }

        if (csv.Header is { } header)
        {
            options.Append(CultureInfo.InvariantCulture, $", header = {(header ? "true" : "false")}");
        }

        if (csv.Quote is { } quote)
        {
            options.Append(CultureInfo.InvariantCulture, $", quote = {SqlText.Literal(quote)}");
        }

        if (csv.Escape is { } escape)
        {
            options.Append(CultureInfo.InvariantCulture, $", escape = {SqlText.Literal(escape)}");
        }

        if (csv.NullStrings is { Count: > 0 } nulls)
        {
            options.Append(CultureInfo.InvariantCulture, $", nullstr = {SqlText.List(nulls)}");
        }

        if (csv.Encoding is { } encoding)
        {
            options.Append(CultureInfo.InvariantCulture, $", encoding = {SqlText.Literal(encoding)}");
        }

        if (csv.Skip is { } skip)
        {
            options.Append(CultureInfo.InvariantCulture, $", skip = {skip}");
        }

        if (!source.AllText && types.Count > 0)
        {
            var pairs = types.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{SqlText.Literal(p.Key)}: {SqlText.Literal(p.Value)}");
            options.Append(CultureInfo.InvariantCulture, $", types = {{{string.Join(", ", pairs)}}}");
        }

        return options.ToString();
    }

    private static List<RejectedRecord> ReadRejects(DataEngine engine, string rejects, string scans) =>
        engine.Query(
            $"""
            SELECT s.file_path, e.line, CAST(e.error_type AS VARCHAR), e.error_message, e.csv_line, e.column_name
            FROM {SqlText.Identifier(rejects)} e JOIN {SqlText.Identifier(scans)} s USING (scan_id, file_id)
            ORDER BY s.file_path, e.line, e.column_idx
            """,
            r => new RejectedRecord(
                r.GetString(0),
                SqlValue.ToInt64(r.GetValue(1)),
                r.GetString(2),
                r.IsDBNull(3) ? string.Empty : r.GetString(3),
                r.IsDBNull(4) ? string.Empty : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5)));

    private static void ThrowOnEncoding(List<RejectedRecord> errors)
    {
        var bad = errors.FirstOrDefault(e => e.ErrorType == "INVALID ENCODING");
        if (bad is not null)
        {
            throw new DataReadException(DiagnosticCatalog.InvalidEncoding.Create(
                $"'{PathDisplay.For(bad.File)}' is not valid UTF-8 (first invalid byte sequence at line {bad.Line}). Convert it to UTF-8, or declare its encoding (utf-16 or latin-1).")
                with { File = bad.File, Line = (int)Math.Min(bad.Line, int.MaxValue) });
        }
    }

    private static List<UnparsedRow> Unparsed(List<RejectedRecord> errors)
    {
        // One record can fail several ways (a bad value and a missing field); count it once.
        var records = errors
            .GroupBy(e => (e.File, e.Line))
            .Select(g => new UnparsedRow(g.Key.File, g.Key.Line, string.Join("; ", g.Select(e => e.Message).Distinct(StringComparer.Ordinal)), Shorten(g.First().Text)))
            .OrderBy(r => r.File, StringComparer.Ordinal)
            .ThenBy(r => r.Line)
            .ToList();
        return records;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    private static List<DatasetColumn> Columns(DataEngine engine, string table) =>
        engine.Query(
            $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = {SqlText.Literal(table)} ORDER BY ordinal_position",
            r => new DatasetColumn(r.GetString(0), r.GetString(1)));

    private static string FileList(IReadOnlyList<DataFile> files) => SqlText.List(files.Select(f => f.Path));

    private static bool HasParquetMagic(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length < 12)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[4];
        stream.ReadExactly(head);
        stream.Seek(-4, SeekOrigin.End);
        stream.ReadExactly(tail);
        return head.SequenceEqual("PAR1"u8) && tail.SequenceEqual("PAR1"u8);
    }

    private static void Run(DataEngine engine, IReadOnlyList<DataFile> files, string sql, DiagnosticDescriptor? descriptor = null)
    {
        try
        {
            engine.Execute(sql);
        }
        catch (DuckDBException e)
        {
            var message = Clean(e.Message);
            var line = LineInMessage().Match(message) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
            var file = files.FirstOrDefault(f => message.Contains(f.Path, StringComparison.Ordinal))?.Path ?? files[0].Path;
            var chosen = message.Contains("schema", StringComparison.OrdinalIgnoreCase) && files.Count > 1
                ? DiagnosticCatalog.InconsistentColumns
                : descriptor ?? DiagnosticCatalog.DataUnreadable;
            throw new DataReadException(chosen.Create($"Cannot read '{PathDisplay.For(file)}': {message}") with { File = file, Line = line });
        }
    }

    /// <summary>DuckDB's messages end with the SQL text and a caret; the user needs the first part only.</summary>
    private static string Clean(string message)
    {
        var cut = message.IndexOf("\n\nLINE ", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).Trim();
        foreach (var prefix in new[] { "Invalid Input Error: ", "IO Error: ", "Conversion Error: ", "Binder Error: ", "Parser Error: " })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
            }
        }

        return text.ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"\bline (\d+)")]
    private static partial Regex LineInMessage();

    private sealed record RejectedRecord(string File, long Line, string ErrorType, string Message, string Text, string? Column);
}
